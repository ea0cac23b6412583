import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../app/paths';
import { type FragmentType, getFragmentData } from '../../../gql/fragment-masking';
import { graphql } from '../../../gql/gql';
import { formatMoney, isNegativeAmount } from '../lib/format';

export const LedgerRowEntryFragment = graphql(`
  fragment LedgerRow_EntryFragment on LedgerEntry {
    id
    kind
    bucket
    memo
    createdAt
    amount {
      amount
      currencyCode
    }
    order {
      id
      number
    }
    payout {
      id
      reference
    }
  }
`);

/** One ledger entry: when, what moved, which balance, the order or payout behind it, the signed amount. */
export function LedgerRow({
  entry: ref,
  dateFormat,
}: {
  entry: FragmentType<typeof LedgerRowEntryFragment>;
  dateFormat: Intl.DateTimeFormat;
}) {
  const { t, i18n } = useTranslation();
  const e = getFragmentData(LedgerRowEntryFragment, ref);
  const negative = isNegativeAmount(e.amount.amount);
  return (
    <tr data-testid="ledger-row" data-kind={e.kind} data-bucket={e.bucket}>
      <td className="funds-nowrap">{dateFormat.format(new Date(e.createdAt))}</td>
      <td>{t(`funds.kind.${e.kind}`)}</td>
      <td>
        <span className={`funds-tag funds-tag--${e.bucket.toLowerCase()}`}>
          {t(`funds.balances.${e.bucket}`)}
        </span>
      </td>
      <td>
        {e.order ? (
          <Link to={paths.order.getHref(e.order.number)}>
            {t('funds.ledger.orderRef', { number: e.order.number })}
          </Link>
        ) : e.payout ? (
          t('funds.ledger.payoutRef', { reference: e.payout.reference })
        ) : (
          // Freezes and adjustments carry the staff's explanation.
          e.memo
        )}
      </td>
      <td className={`funds-table__money${negative ? ' funds-table__negative' : ''}`}>
        {negative ? '' : '+'}
        {formatMoney(e.amount, i18n.language)}
      </td>
    </tr>
  );
}
