import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { StatusPanel } from '../../../components/ui/status-panel';
import { type FragmentType, getFragmentData } from '../../../gql/fragment-masking';
import { graphql } from '../../../gql/gql';
import { formatMoney } from '../lib/format';

export const PayoutsTablePayoutFragment = graphql(`
  fragment PayoutsTable_PayoutFragment on Payout {
    id
    createdAt
    reference
    note
    createdByEmail
    amount {
      amount
      currencyCode
    }
    merchant {
      id
      name(locale: $locale)
    }
  }
`);

/**
 * Payouts, newest first. `showStore` adds the store column (admins' history of every store);
 * the "recorded by" column appears when the API shows it (admins only).
 */
export function PayoutsTable({
  payouts: refs,
  showStore,
  hasMore,
  loadingMore,
  onMore,
}: {
  payouts: FragmentType<typeof PayoutsTablePayoutFragment>[];
  showStore: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
}) {
  const { t, i18n } = useTranslation();
  const payouts = refs.map((ref) => getFragmentData(PayoutsTablePayoutFragment, ref));
  const showAuthor = payouts.some((p) => p.createdByEmail !== null);
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  if (payouts.length === 0)
    return (
      <StatusPanel title={t('funds.payouts.emptyTitle')}>
        <p>{t('funds.payouts.emptyBody')}</p>
      </StatusPanel>
    );
  return (
    <>
      <div className="funds-table-wrap">
        <table className="funds-table" data-testid="payouts-table">
          <thead>
            <tr>
              <th scope="col">{t('funds.payouts.columns.date')}</th>
              {showStore && <th scope="col">{t('funds.payouts.columns.store')}</th>}
              <th scope="col">{t('funds.payouts.columns.reference')}</th>
              <th scope="col">{t('funds.payouts.columns.note')}</th>
              {showAuthor && <th scope="col">{t('funds.payouts.columns.by')}</th>}
              <th scope="col" className="funds-table__money">
                {t('funds.payouts.columns.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {payouts.map((p) => (
              <tr key={p.id} data-testid="payouts-row" data-reference={p.reference}>
                <td className="funds-nowrap">{dateFormat.format(new Date(p.createdAt))}</td>
                {showStore && <td>{p.merchant.name}</td>}
                <td>{p.reference}</td>
                <td>{p.note}</td>
                {showAuthor && <td>{p.createdByEmail}</td>}
                <td className="funds-table__money">{formatMoney(p.amount, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hasMore && (
        <div className="funds-pager">
          <Button variant="secondary" pending={loadingMore} onClick={onMore}>
            {t('funds.payouts.more')}
          </Button>
        </div>
      )}
    </>
  );
}
