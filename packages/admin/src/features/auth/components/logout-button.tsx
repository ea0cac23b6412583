import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '../../../app/paths';
import { Button } from '../../../components/ui/button';
import { graphql } from '../../../gql/gql';
import './logout-button.css';

const LogoutButtonLogoutMutation = graphql(`
  mutation LogoutButton_LogoutMutation {
    logout {
      loggedOut
    }
  }
`);

/** Ends the session on the server (which clears the cookie), then forgets everything cached. */
export function LogoutButton() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [logout] = useMutation(LogoutButtonLogoutMutation);
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  const onClick = async () => {
    setPending(true);
    setFailed(false);
    try {
      await logout();
      // Leave the signed-in pages first: clearing the cache under them would only make them flash.
      await navigate(paths.auth.login.getHref(), { replace: true });
      await client.clearStore();
    } catch {
      setFailed(true);
      setPending(false);
    }
  };

  return (
    <span className="logout">
      <Button variant="secondary" data-testid="logout" pending={pending} onClick={onClick}>
        {pending ? t('auth.logout.submitting') : t('auth.logout.submit')}
      </Button>
      {failed && (
        <span className="logout__error" role="alert">
          {t('auth.logout.failed')}
        </span>
      )}
    </span>
  );
}
