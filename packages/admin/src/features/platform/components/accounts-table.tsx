import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { graphql } from '../../../gql/gql';
import type { AccountStatus, MerchantRole, UserRole } from '../../../gql/graphql';

const AccountsTableDisableMutation = graphql(`
  mutation AccountsTable_DisableMutation($userId: ID!) {
    disableAccount(userId: $userId) {
      user {
        id
        status
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const AccountsTableResendMutation = graphql(`
  mutation AccountsTable_ResendInvitationMutation($userId: ID!) {
    resendInvitation(userId: $userId) {
      user {
        id
        email
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const AccountsTableEnableMutation = graphql(`
  mutation AccountsTable_EnableMutation($userId: ID!) {
    enableAccount(userId: $userId) {
      user {
        id
        status
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export interface AccountRow {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  merchantRole?: MerchantRole | null;
  status: AccountStatus;
  createdAt: string;
  invitationAccepted: boolean;
  viewerCanManage: boolean;
  merchant?: { id: string; handle: string } | null;
}

/**
 * Accounts with disable/enable (after an inline confirmation) where the viewer may manage them.
 * `testId` is the table's hook: `users` (platform) or `team` (a store's own staff).
 */
export function AccountsTable({
  rows,
  testId,
  showStore,
  busy,
}: {
  rows: AccountRow[];
  testId: 'users' | 'team';
  showStore: boolean;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const [disable, disabling] = useMutation(AccountsTableDisableMutation);
  const [enable, enabling] = useMutation(AccountsTableEnableMutation);
  const [resend, resending] = useMutation(AccountsTableResendMutation);

  const onResend = async (row: AccountRow) => {
    setNotice(null);
    const payload = (await resend({ variables: { userId: row.id } }).catch(() => null))?.data
      ?.resendInvitation;
    if (!payload) setNotice({ tone: 'error', text: t('errors.unexpected') });
    else if (payload.userErrors.length > 0)
      setNotice({ tone: 'error', text: t(`platform.accounts.errors.${payload.userErrors[0]!.code}`) });
    else setNotice({ tone: 'info', text: t('platform.accounts.resentDone', { email: row.email }) });
  };
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });

  const act = async (row: AccountRow) => {
    const variables = { userId: row.id };
    const payload =
      row.status === 'ACTIVE'
        ? (await disable({ variables }).catch(() => null))?.data?.disableAccount
        : (await enable({ variables }).catch(() => null))?.data?.enableAccount;
    setConfirming(null);
    if (!payload) {
      setNotice({ tone: 'error', text: t('errors.unexpected') });
    } else if (payload.userErrors.length > 0) {
      const code = payload.userErrors[0]!.code;
      setNotice({ tone: 'error', text: t(`platform.accounts.errors.${code}`) });
    } else {
      setNotice({
        tone: 'info',
        text:
          payload.user?.status === 'DISABLED'
            ? t('platform.accounts.disabledDone', { email: row.email })
            : t('platform.accounts.enabledDone', { email: row.email }),
      });
    }
  };

  return (
    <>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <div className="platform-table-wrap">
        <table className="platform-table" data-testid={`${testId}-table`} aria-busy={busy || undefined}>
          <thead>
            <tr>
              <th scope="col">{t('platform.accounts.columns.email')}</th>
              <th scope="col">{t('platform.accounts.columns.name')}</th>
              <th scope="col">{t('platform.accounts.columns.role')}</th>
              {showStore && <th scope="col">{t('platform.accounts.columns.store')}</th>}
              <th scope="col">{t('platform.accounts.columns.status')}</th>
              <th scope="col">{t('platform.accounts.columns.created')}</th>
              <th scope="col">{t('platform.accounts.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid={`${testId}-row`} data-email={row.email} data-status={row.status}>
                <td className="platform-table__email">{row.email}</td>
                <td>{row.displayName}</td>
                <td>
                  {t(`roles.${row.role}`)}
                  {row.merchantRole && (
                    <span className="platform-note">{t(`platform.merchantRole.${row.merchantRole}`)}</span>
                  )}
                </td>
                {showStore && <td>{row.merchant?.handle ?? '—'}</td>}
                <td>
                  <span className={`platform-badge platform-badge--${row.status.toLowerCase()}`}>
                    {t(`platform.accountStatus.${row.status}`)}
                  </span>
                  {!row.invitationAccepted && (
                    <span className="platform-note">{t('platform.accounts.invitationPending')}</span>
                  )}
                </td>
                <td>{dateFormat.format(new Date(row.createdAt))}</td>
                <td>
                  {row.viewerCanManage &&
                    (confirming === row.id ? (
                      <div className="platform-actions">
                        <span>
                          {row.status === 'ACTIVE'
                            ? t('platform.accounts.confirmDisable', { email: row.email })
                            : t('platform.accounts.confirmEnable', { email: row.email })}
                        </span>
                        <Button
                          data-testid="confirm-account-status"
                          pending={disabling.loading || enabling.loading}
                          onClick={() => void act(row)}
                        >
                          {t('platform.accounts.confirm')}
                        </Button>
                        <Button variant="ghost" onClick={() => setConfirming(null)}>
                          {t('platform.common.cancel')}
                        </Button>
                      </div>
                    ) : (
                      <div className="platform-actions">
                        {!row.invitationAccepted && row.status === 'ACTIVE' && (
                          <Button
                            variant="ghost"
                            data-testid="resend-invitation"
                            pending={resending.loading}
                            onClick={() => void onResend(row)}
                          >
                            {t('platform.accounts.resend')}
                          </Button>
                        )}
                        <Button
                          variant="secondary"
                          data-testid={row.status === 'ACTIVE' ? 'disable-account' : 'enable-account'}
                          onClick={() => {
                            setNotice(null);
                            setConfirming(row.id);
                          }}
                        >
                          {row.status === 'ACTIVE'
                            ? t('platform.accounts.disable')
                            : t('platform.accounts.enable')}
                        </Button>
                      </div>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
