import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../../app/paths';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { LoadingState, StatusPanel } from '../../../components/ui/status-panel';
import { TextField } from '../../../components/ui/text-field';
import { graphql } from '../../../gql/gql';
import { formatMoney, isAmount, lines } from '../lib/money';
import './safe-freeze.css';

const PAGE_SIZE = 20;

const ClaimsListQuery = graphql(`
  query ClaimsPage_ListQuery($first: Int!, $after: String, $filter: StaffClaimsFilter) {
    staffClaims(first: $first, after: $after, filter: $filter) {
      nodes {
        id
        number
        title
        status
        outcome
        createdAt
        merchant {
          id
          handle
          nameEn
          nameZh
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);

const ClaimsStoresQuery = graphql(`
  query ClaimsPage_StoresQuery {
    staffMerchants(first: 100) {
      nodes {
        id
        handle
        nameEn
        nameZh
        status
      }
    }
  }
`);

const ClaimsOrderQuery = graphql(`
  query ClaimsPage_OrderQuery($number: String!) {
    staffOrder(number: $number) {
      id
      number
    }
  }
`);

const ClaimsUserQuery = graphql(`
  query ClaimsPage_UserQuery($query: String!) {
    staffUsers(first: 10, filter: { query: $query }) {
      nodes {
        id
        email
      }
    }
  }
`);

const ClaimDetailQuery = graphql(`
  query ClaimsPage_DetailQuery($id: ID!) {
    staffClaim(id: $id) {
      id
      number
      title
      description
      evidence
      attachments
      status
      outcome
      decisionNote
      createdAt
      decidedAt
      filedByEmail
      decidedByEmail
      merchant {
        id
        handle
        nameEn
        nameZh
        status
      }
      orders {
        id
        number
        status
        total {
          amount
          currencyCode
        }
      }
      affectedUsers {
        id
        email
        displayName
      }
      compensations {
        order {
          number
        }
        amount {
          amount
          currencyCode
        }
        refund {
          status
        }
      }
    }
  }
`);

const FileClaimMutation = graphql(`
  mutation ClaimsPage_FileMutation($input: FileClaimInput!) {
    fileClaim(input: $input) {
      claim {
        id
        number
      }
      freezeEffects {
        failedOrderCount
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const DecideClaimMutation = graphql(`
  mutation ClaimsPage_DecideMutation($input: DecideClaimInput!) {
    decideClaim(input: $input) {
      claim {
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

type Status = 'OPEN' | 'CLOSED';
type Outcome = 'COMPENSATED' | 'REJECTED' | 'WITHDRAWN';
const OUTCOMES: Outcome[] = ['COMPENSATED', 'REJECTED', 'WITHDRAWN'];

/** Claims (admins file and decide; customer service reads): list with filters in the URL, detail, forms. */
export function ClaimsPage({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const claimId = params.get('claim');
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };

  return (
    <div className="platform-page" data-testid="claims-page">
      <title>{`${t('safeFreeze.claims.title')} · ${t('app.name')}`}</title>
      <header className="platform-page__header">
        <h1>{t('safeFreeze.claims.title')}</h1>
        <p className="platform-muted">{t('safeFreeze.claims.intro')}</p>
      </header>
      {claimId ? (
        <ClaimDetail id={claimId} canManage={canManage} onBack={() => set({ claim: null })} />
      ) : (
        <>
          {canManage && (
            <FileClaimForm
              initialMerchant={params.get('merchant') ?? ''}
              open={params.get('file') === '1'}
              onFiled={(id) => set({ claim: id, file: null })}
            />
          )}
          <ClaimsList params={params} set={set} />
        </>
      )}
    </div>
  );
}

function ClaimsList({
  params,
  set,
}: {
  params: URLSearchParams;
  set: (changes: Record<string, string | null>) => void;
}) {
  const { t, i18n } = useTranslation();
  const status = (params.get('status') as Status | null) ?? null;
  const merchantId = params.get('merchant');
  const after = params.get('after');
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  const filter = {
    ...(status === 'OPEN' || status === 'CLOSED' ? { status } : {}),
    ...(merchantId ? { merchantId } : {}),
  };
  const { data, loading, error, refetch } = useQuery(ClaimsListQuery, {
    variables: { first: PAGE_SIZE, after, filter },
  });
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const zh = i18n.language === 'zh-TW';
  const connection = data?.staffClaims;

  return (
    <section className="platform-card" aria-labelledby="claims-list-title">
      <h2 id="claims-list-title">
        {t('safeFreeze.claims.title')}
        {connection ? ` (${connection.totalCount})` : ''}
      </h2>
      {merchantId && (
        <p className="platform-muted" data-testid="claims-store-filter">
          {t('safeFreeze.claims.filteredByStore')}{' '}
          <Button
            variant="ghost"
            onClick={() => {
              setPrevious([]);
              set({ merchant: null, after: null });
            }}
          >
            {t('safeFreeze.claims.showAll')}
          </Button>
        </p>
      )}
      <div className="platform-actions">
        <label className="ui-field">
          <span className="ui-field__label">{t('safeFreeze.claims.filterStatus')}</span>
          <select
            name="status"
            className="ui-field__input"
            value={status ?? ''}
            onChange={(e) => {
              setPrevious([]);
              set({ status: e.target.value || null, after: null });
            }}
          >
            <option value="">{t('safeFreeze.claims.all')}</option>
            <option value="OPEN">{t('safeFreeze.claims.status.OPEN')}</option>
            <option value="CLOSED">{t('safeFreeze.claims.status.CLOSED')}</option>
          </select>
        </label>
      </div>
      {error ? (
        <StatusPanel
          tone="error"
          title={t('errors.title')}
          actions={<Button onClick={() => void refetch()}>{t('errors.retry')}</Button>}
        >
          <p>{t('errors.unexpected')}</p>
        </StatusPanel>
      ) : !connection && loading ? (
        <LoadingState label={t('safeFreeze.claims.loading')} />
      ) : connection && connection.nodes.length === 0 ? (
        <p className="platform-muted" data-testid="claims-empty">
          {t('safeFreeze.claims.empty')}
        </p>
      ) : (
        <table className="claims-table" data-testid="claims-table">
          <thead>
            <tr>
              <th scope="col">{t('safeFreeze.claims.columns.number')}</th>
              <th scope="col">{t('safeFreeze.claims.columns.store')}</th>
              <th scope="col">{t('safeFreeze.claims.columns.title')}</th>
              <th scope="col">{t('safeFreeze.claims.columns.status')}</th>
              <th scope="col">{t('safeFreeze.claims.columns.filed')}</th>
            </tr>
          </thead>
          <tbody>
            {connection?.nodes.map((c) => (
              <tr key={c.id} data-testid="claims-row" data-status={c.status}>
                <td>
                  <Link to={`?${new URLSearchParams({ claim: c.id }).toString()}`}>
                    {t('safeFreeze.claims.number', { number: c.number })}
                  </Link>
                </td>
                <td>
                  <Link to={paths.merchant.getHref(c.merchant.id)}>
                    {zh ? c.merchant.nameZh : c.merchant.nameEn}
                  </Link>
                </td>
                <td>{c.title}</td>
                <td>
                  {t(`safeFreeze.claims.status.${c.status}`)}
                  {c.outcome && ` · ${t(`safeFreeze.claims.outcome.${c.outcome}`)}`}
                </td>
                <td>{dateFormat.format(new Date(c.createdAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="platform-actions" aria-label={t('safeFreeze.claims.pager')}>
        <Button
          variant="secondary"
          disabled={previous.length === 0 || loading}
          onClick={() => {
            const prev = previous.at(-1) ?? null;
            setPrevious(previous.slice(0, -1));
            set({ after: prev });
          }}
        >
          {t('platform.common.previous')}
        </Button>
        <Button
          variant="secondary"
          disabled={!connection?.pageInfo.hasNextPage || loading}
          onClick={() => {
            setPrevious([...previous, after]);
            set({ after: connection?.pageInfo.endCursor ?? null });
          }}
        >
          {t('platform.common.next')}
        </Button>
      </nav>
    </section>
  );
}

type FileForm = {
  merchantId: string;
  title: string;
  description: string;
  evidence: string;
  attachments: string;
  orders: string;
  users: string;
};

function FileClaimForm({
  initialMerchant,
  open,
  onFiled,
}: {
  initialMerchant: string;
  open: boolean;
  onFiled: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const stores = useQuery(ClaimsStoresQuery);
  const [form, setForm] = useState<FileForm>({
    merchantId: initialMerchant,
    title: '',
    description: '',
    evidence: '',
    attachments: '',
    orders: '',
    users: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [file] = useMutation(FileClaimMutation, { refetchQueries: ['ClaimsPage_ListQuery'] });
  const zh = i18n.language === 'zh-TW';

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!form.merchantId) found.merchantId = t('safeFreeze.errors.MERCHANT_NOT_FOUND');
    if (!form.title.trim() || form.title.trim().length > 200)
      found.title = t('safeFreeze.errors.INVALID_TITLE');
    if (!form.description.trim() || form.description.trim().length > 5000)
      found.description = t('safeFreeze.errors.INVALID_DESCRIPTION');
    const links = lines(form.attachments);
    if (links.length > 10 || links.some((l) => !/^https?:\/\/\S+$/i.test(l)))
      found.attachments = t('safeFreeze.errors.INVALID_ATTACHMENT');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const orderIds: string[] = [];
      for (const number of lines(form.orders)) {
        const res = await client
          .query({ query: ClaimsOrderQuery, variables: { number }, fetchPolicy: 'network-only' })
          .catch(() => null);
        const id = res?.data?.staffOrder?.id;
        if (!id) {
          setErrors({ orderIds: t('safeFreeze.claims.file.orderNotFound', { number }) });
          return;
        }
        orderIds.push(id);
      }
      const affectedUserIds: string[] = [];
      for (const email of lines(form.users)) {
        const res = await client
          .query({ query: ClaimsUserQuery, variables: { query: email }, fetchPolicy: 'network-only' })
          .catch(() => null);
        const user = res?.data?.staffUsers.nodes.find((u) => u.email.toLowerCase() === email.toLowerCase());
        if (!user) {
          setErrors({ affectedUserIds: t('safeFreeze.claims.file.userNotFound', { email }) });
          return;
        }
        affectedUserIds.push(user.id);
      }
      const result = await file({
        variables: {
          input: {
            merchantId: form.merchantId,
            title: form.title.trim(),
            description: form.description.trim(),
            evidence: form.evidence.trim() || null,
            attachments: links,
            orderIds,
            affectedUserIds,
          },
        },
      }).catch(() => null);
      const payload = result?.data?.fileClaim;
      if (!payload) setErrors({ form: t('safeFreeze.errors.unexpected') });
      else if (payload.userErrors.length > 0) {
        const next: Record<string, string> = {};
        for (const e of payload.userErrors)
          next[e.field?.at(-1) ?? 'form'] = t(`safeFreeze.errors.${e.code}`, {
            defaultValue: t('safeFreeze.errors.unexpected'),
          });
        setErrors(next);
      } else if (payload.claim) onFiled(payload.claim.id);
    } finally {
      setBusy(false);
    }
  };

  const textarea = (name: keyof FileForm, label: string, errorKey: string = name) => (
    <div className="ui-field">
      <label className="ui-field__label" htmlFor={`claim-${name}`}>
        {label}
      </label>
      <textarea
        id={`claim-${name}`}
        name={name}
        className="platform-textarea"
        value={form[name]}
        aria-invalid={errors[errorKey] ? true : undefined}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
      />
      {errors[errorKey] && <p className="platform-field-error">{errors[errorKey]}</p>}
    </div>
  );

  return (
    <details className="platform-card" open={open || undefined} data-testid="file-claim">
      <summary>
        <h2 style={{ display: 'inline' }}>{t('safeFreeze.claims.file.title')}</h2>
      </summary>
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <form
        className="platform-form"
        onSubmit={(e) => void onSubmit(e)}
        noValidate
        data-testid="file-claim-form"
      >
        <div className="ui-field">
          <label className="ui-field__label" htmlFor="claim-merchantId">
            {t('safeFreeze.claims.file.store')}
          </label>
          <select
            id="claim-merchantId"
            name="merchantId"
            className="ui-field__input"
            value={form.merchantId}
            aria-invalid={errors.merchantId ? true : undefined}
            onChange={(e) => setForm({ ...form, merchantId: e.target.value })}
          >
            <option value="">{t('safeFreeze.claims.file.chooseStore')}</option>
            {stores.data?.staffMerchants.nodes
              .filter((m) => m.status !== 'DELETED')
              .map((m) => (
                <option key={m.id} value={m.id}>
                  {`${zh ? m.nameZh : m.nameEn} (${m.handle})`}
                </option>
              ))}
          </select>
          {errors.merchantId && <p className="platform-field-error">{errors.merchantId}</p>}
        </div>
        <TextField
          label={t('safeFreeze.claims.file.claimTitle')}
          name="title"
          value={form.title}
          maxLength={200}
          aria-invalid={errors.title ? true : undefined}
          onChange={(e) => setForm({ ...form, title: e.target.value })}
          required
        />
        {errors.title && <p className="platform-field-error">{errors.title}</p>}
        {textarea('description', t('safeFreeze.claims.file.description'))}
        {textarea('evidence', t('safeFreeze.claims.file.evidence'))}
        {textarea('attachments', t('safeFreeze.claims.file.attachments'))}
        {textarea('orders', t('safeFreeze.claims.file.orders'), 'orderIds')}
        {textarea('users', t('safeFreeze.claims.file.users'), 'affectedUserIds')}
        <div className="platform-actions">
          <Button type="submit" pending={busy} data-testid="submit-claim">
            {busy ? t('safeFreeze.claims.file.submitting') : t('safeFreeze.claims.file.submit')}
          </Button>
        </div>
      </form>
    </details>
  );
}

function ClaimDetail({ id, canManage, onBack }: { id: string; canManage: boolean; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(ClaimDetailQuery, { variables: { id } });
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const claim = data?.staffClaim;
  const back = (
    <Button variant="ghost" onClick={onBack}>
      ← {t('safeFreeze.claims.detail.back')}
    </Button>
  );
  if (error)
    return (
      <StatusPanel
        tone="error"
        title={t('errors.title')}
        actions={<Button onClick={() => void refetch()}>{t('errors.retry')}</Button>}
      >
        <p>{t('errors.unexpected')}</p>
      </StatusPanel>
    );
  if (!data && loading) return <LoadingState label={t('safeFreeze.claims.loading')} />;
  if (!claim)
    return (
      <StatusPanel title={t('safeFreeze.claims.detail.notFound')} actions={back}>
        <p>{t('safeFreeze.claims.detail.notFound')}</p>
      </StatusPanel>
    );
  const zh = i18n.language === 'zh-TW';
  return (
    <article className="platform-card" data-testid="claim-detail" data-status={claim.status}>
      <p>{back}</p>
      <h2>
        {t('safeFreeze.claims.number', { number: claim.number })}: {claim.title}
      </h2>
      <p>
        <strong>{t(`safeFreeze.claims.status.${claim.status}`)}</strong>
        {claim.outcome && ` · ${t(`safeFreeze.claims.outcome.${claim.outcome}`)}`} ·{' '}
        {t('safeFreeze.claims.detail.store')}:{' '}
        <Link to={paths.merchant.getHref(claim.merchant.id)}>
          {zh ? claim.merchant.nameZh : claim.merchant.nameEn}
        </Link>
      </p>
      <p className="platform-muted">
        {t('safeFreeze.claims.detail.filedBy', {
          email: claim.filedByEmail ?? '—',
          date: dateFormat.format(new Date(claim.createdAt)),
        })}
        {claim.decidedAt &&
          ` · ${t('safeFreeze.claims.detail.decidedBy', {
            email: claim.decidedByEmail ?? '—',
            date: dateFormat.format(new Date(claim.decidedAt)),
          })}`}
      </p>
      {claim.decisionNote && <p className="platform-note">{claim.decisionNote}</p>}
      <h3>{t('safeFreeze.claims.detail.description')}</h3>
      <p style={{ whiteSpace: 'pre-wrap' }}>{claim.description}</p>
      <h3>{t('safeFreeze.claims.detail.evidence')}</h3>
      <p style={{ whiteSpace: 'pre-wrap' }}>{claim.evidence || t('safeFreeze.claims.detail.none')}</p>
      {claim.attachments.length > 0 && (
        <>
          <h3>{t('safeFreeze.claims.detail.attachments')}</h3>
          <ul className="claims-detail__list">
            {claim.attachments.map((a) => (
              <li key={a}>
                <a href={a} target="_blank" rel="noreferrer noopener">
                  {a}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('safeFreeze.claims.detail.orders')}</h3>
      {claim.orders.length === 0 ? (
        <p className="platform-muted">{t('safeFreeze.claims.detail.none')}</p>
      ) : (
        <ul className="claims-detail__list" data-testid="claim-orders">
          {claim.orders.map((o) => (
            <li key={o.id}>
              <Link to={paths.order.getHref(o.number)}>{o.number}</Link> · {t(`orders.status.${o.status}`)} ·{' '}
              {formatMoney(o.total, i18n.language)}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('safeFreeze.claims.detail.users')}</h3>
      {claim.affectedUsers.length === 0 ? (
        <p className="platform-muted">{t('safeFreeze.claims.detail.none')}</p>
      ) : (
        <ul className="claims-detail__list" data-testid="claim-users">
          {claim.affectedUsers.map((u) => (
            <li key={u.id}>{`${u.displayName} <${u.email}>`}</li>
          ))}
        </ul>
      )}
      <h3>{t('safeFreeze.claims.detail.compensations')}</h3>
      {claim.compensations.length === 0 ? (
        <p className="platform-muted">{t('safeFreeze.claims.detail.none')}</p>
      ) : (
        <ul className="claims-detail__list" data-testid="claim-compensations">
          {claim.compensations.map((c) => (
            <li key={`${c.order.number}-${c.amount.amount}`}>
              {t('safeFreeze.effects.refund', {
                order: c.order.number,
                amount: formatMoney(c.amount, i18n.language),
                status: t(`safeFreeze.refundStatus.${c.refund.status as 'PENDING'}`, {
                  defaultValue: c.refund.status,
                }),
              })}
            </li>
          ))}
        </ul>
      )}
      {canManage && claim.status === 'OPEN' && (
        <DecideForm
          claimId={claim.id}
          number={claim.number}
          orders={claim.orders.map((o) => o.number)}
          orderIds={claim.orders.map((o) => o.id)}
        />
      )}
    </article>
  );
}

function DecideForm({
  claimId,
  number,
  orders,
  orderIds,
}: {
  claimId: string;
  number: number;
  orders: string[];
  orderIds: string[];
}) {
  const { t } = useTranslation();
  // Without orders there is nothing to compensate.
  const [outcome, setOutcome] = useState<Outcome>(orders.length > 0 ? 'COMPENSATED' : 'REJECTED');
  const [note, setNote] = useState('');
  const [amounts, setAmounts] = useState<string[]>(orders.map(() => ''));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [decide, state] = useMutation(DecideClaimMutation, {
    refetchQueries: ['ClaimsPage_DetailQuery', 'ClaimsPage_ListQuery'],
    awaitRefetchQueries: true,
  });

  const compensations = () =>
    outcome === 'COMPENSATED'
      ? orderIds.flatMap((orderId, i) =>
          amounts[i]?.trim() ? [{ orderId, amount: amounts[i]!.trim() }] : [],
        )
      : [];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!note.trim() || note.trim().length > 2000) found.note = t('safeFreeze.errors.INVALID_NOTE');
    if (outcome === 'COMPENSATED') {
      amounts.forEach((a, i) => {
        if (a.trim() && !isAmount(a)) found[`amount-${i}`] = t('safeFreeze.errors.INVALID_AMOUNT');
      });
      if (compensations().length === 0) found.compensations = t('safeFreeze.errors.COMPENSATION_REQUIRED');
    }
    setErrors(found);
    if (Object.keys(found).length === 0) setConfirming(true);
  };

  const onConfirm = async () => {
    const result = await decide({
      variables: { input: { claimId, outcome, note: note.trim(), compensations: compensations() } },
    }).catch(() => null);
    setConfirming(false);
    const payload = result?.data?.decideClaim;
    if (!payload) setErrors({ form: t('safeFreeze.errors.unexpected') });
    else if (payload.userErrors.length > 0) {
      const next: Record<string, string> = {};
      for (const e of payload.userErrors)
        next[e.field?.at(-1) ?? 'form'] = t(`safeFreeze.errors.${e.code}`, {
          defaultValue: t('safeFreeze.errors.unexpected'),
        });
      setErrors(next);
    }
  };

  return (
    <form className="platform-form" onSubmit={onSubmit} noValidate data-testid="decide-claim-form">
      <h3>{t('safeFreeze.claims.decide.title')}</h3>
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <div className="ui-field">
        <label className="ui-field__label" htmlFor="decide-outcome">
          {t('safeFreeze.claims.decide.outcome')}
        </label>
        <select
          id="decide-outcome"
          name="outcome"
          className="ui-field__input"
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as Outcome)}
        >
          {OUTCOMES.filter((o) => o !== 'COMPENSATED' || orders.length > 0).map((o) => (
            <option key={o} value={o}>
              {t(`safeFreeze.claims.outcome.${o}`)}
            </option>
          ))}
        </select>
      </div>
      {outcome === 'COMPENSATED' && (
        <fieldset className="platform-form">
          <legend>{t('safeFreeze.claims.detail.compensations')}</legend>
          <p className="platform-muted">{t('safeFreeze.claims.decide.amountHint')}</p>
          {orders.map((order, i) => (
            <div key={order}>
              <TextField
                label={t('safeFreeze.claims.decide.amountFor', { order })}
                name={`amount-${order}`}
                inputMode="decimal"
                value={amounts[i] ?? ''}
                aria-invalid={errors[`amount-${i}`] ? true : undefined}
                onChange={(e) => setAmounts(amounts.map((a, j) => (j === i ? e.target.value : a)))}
              />
              {errors[`amount-${i}`] && <p className="platform-field-error">{errors[`amount-${i}`]}</p>}
            </div>
          ))}
          {errors.compensations && <p className="platform-field-error">{errors.compensations}</p>}
        </fieldset>
      )}
      <div className="ui-field">
        <label className="ui-field__label" htmlFor="decide-note">
          {t('safeFreeze.claims.decide.note')}
        </label>
        <textarea
          id="decide-note"
          name="note"
          className="platform-textarea"
          maxLength={2000}
          value={note}
          aria-invalid={errors.note ? true : undefined}
          onChange={(e) => setNote(e.target.value)}
        />
        {errors.note && <p className="platform-field-error">{errors.note}</p>}
      </div>
      {confirming ? (
        <div className="platform-actions">
          <span>
            {t('safeFreeze.claims.decide.confirm', {
              number,
              outcome: t(`safeFreeze.claims.outcome.${outcome}`),
            })}
          </span>
          <Button data-testid="confirm-decide-claim" pending={state.loading} onClick={() => void onConfirm()}>
            {t('safeFreeze.claims.decide.confirmButton')}
          </Button>
          <Button variant="ghost" onClick={() => setConfirming(false)}>
            {t('safeFreeze.panel.cancel')}
          </Button>
        </div>
      ) : (
        <div className="platform-actions">
          <Button type="submit" data-testid="decide-claim">
            {t('safeFreeze.claims.decide.submit')}
          </Button>
        </div>
      )}
    </form>
  );
}
