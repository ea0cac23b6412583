import { useTranslation } from 'react-i18next';
import { type FragmentType, getFragmentData } from '../../../gql/fragment-masking';
import { graphql } from '../../../gql/gql';
import { formatMoney } from '../lib/format';
import { LEDGER_BUCKETS } from '../lib/funds-view';

export const FundsBalancesFragment = graphql(`
  fragment FundsBalances_FundsFragment on MerchantFunds {
    pending {
      amount
      currencyCode
    }
    available {
      amount
      currencyCode
    }
    frozen {
      amount
      currencyCode
    }
  }
`);

const FIELD = { PENDING: 'pending', AVAILABLE: 'available', FROZEN: 'frozen' } as const;
const HINT = { PENDING: 'pendingHint', AVAILABLE: 'availableHint', FROZEN: 'frozenHint' } as const;

/** The three balances of a store as cards; each is the sum of its ledger entries. */
export function FundsBalances({ funds: ref }: { funds: FragmentType<typeof FundsBalancesFragment> }) {
  const { t, i18n } = useTranslation();
  const funds = getFragmentData(FundsBalancesFragment, ref);
  return (
    <ul className="funds-balances" data-testid="funds-balances" aria-label={t('funds.balances.label')}>
      {LEDGER_BUCKETS.map((bucket) => (
        <li
          key={bucket}
          className={`funds-balance funds-balance--${bucket.toLowerCase()}`}
          data-testid="funds-balance"
          data-bucket={bucket}
        >
          <span className="funds-balance__label">{t(`funds.balances.${bucket}`)}</span>
          <span className="funds-balance__amount" data-testid={`funds-balance-${bucket.toLowerCase()}`}>
            {formatMoney(funds[FIELD[bucket]], i18n.language)}
          </span>
          <span className="funds-muted">{t(`funds.balances.${HINT[bucket]}`)}</span>
        </li>
      ))}
    </ul>
  );
}
