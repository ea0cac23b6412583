import { type AddressField, MAX_ADDRESSES } from '@marketplace/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Button } from '../../../components/ui/button.js';
import { LoadingState } from '../../../components/ui/spinner.js';
import { EmptyState, ErrorState } from '../../../components/ui/states.js';
import { type FragmentType, getFragmentData } from '../../../gql/fragment-masking.js';
import { graphql } from '../../../gql/gql.js';
import type { CreateAddressErrorCode, UpdateAddressErrorCode } from '../../../gql/graphql.js';
import { accountErrorText } from '../account-errors.js';
import { splitUserErrors } from '../user-errors.js';
import { AccountLayout } from './account-layout.js';
import { AddressForm, type AddressSubmitResult, type AddressValues, EMPTY_ADDRESS } from './address-form.js';
import { FormMessage } from './form-controls.js';
import './addresses-page.css';

const AddressesPage_AddressFragment = graphql(`
  fragment AddressesPage_AddressFragment on Address {
    id
    recipientName
    phone
    countryCode
    region
    city
    postalCode
    line1
    line2
    isDefault
  }
`);

const AddressesPage_AddressesQuery = graphql(`
  query AddressesPage_AddressesQuery {
    viewer {
      id
      addresses {
        id
        ...AddressesPage_AddressFragment
      }
    }
  }
`);

const AddressesPage_CreateMutation = graphql(`
  mutation AddressesPage_CreateMutation($input: AddressInput!, $setAsDefault: Boolean) {
    createAddress(input: $input, setAsDefault: $setAsDefault) {
      viewer {
        id
        addresses {
          id
          ...AddressesPage_AddressFragment
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const AddressesPage_UpdateMutation = graphql(`
  mutation AddressesPage_UpdateMutation($id: ID!, $input: AddressInput!) {
    updateAddress(id: $id, input: $input) {
      address {
        id
        ...AddressesPage_AddressFragment
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const AddressesPage_DeleteMutation = graphql(`
  mutation AddressesPage_DeleteMutation($id: ID!) {
    deleteAddress(id: $id) {
      deletedAddressId
      viewer {
        id
        addresses {
          id
          ...AddressesPage_AddressFragment
        }
      }
      userErrors {
        code
        message
      }
    }
  }
`);

const AddressesPage_SetDefaultMutation = graphql(`
  mutation AddressesPage_SetDefaultMutation($id: ID!) {
    setDefaultAddress(id: $id) {
      viewer {
        id
        addresses {
          id
          ...AddressesPage_AddressFragment
        }
      }
      userErrors {
        code
        message
      }
    }
  }
`);

type Address = ReturnType<typeof unmask>;
const unmask = (ref: FragmentType<typeof AddressesPage_AddressFragment>) =>
  getFragmentData(AddressesPage_AddressFragment, ref);

const FIELDS: readonly AddressField[] = [
  'recipientName',
  'phone',
  'countryCode',
  'region',
  'city',
  'postalCode',
  'line1',
  'line2',
];

const toInput = (values: AddressValues) => ({
  ...values,
  region: values.region.trim() || null,
  postalCode: values.postalCode.trim() || null,
  line2: values.line2.trim() || null,
});

const toValues = (address: Address): AddressValues => ({
  recipientName: address.recipientName,
  phone: address.phone,
  countryCode: address.countryCode,
  region: address.region ?? '',
  city: address.city,
  postalCode: address.postalCode ?? '',
  line1: address.line1,
  line2: address.line2 ?? '',
});

export function AddressesPage() {
  const { t } = useTranslation();
  return (
    <AccountLayout title={t('accounts.addresses.title')}>
      <AddressBook />
    </AccountLayout>
  );
}

type Notice = { tone: 'success' | 'error'; text: string } | null;
type AddressUserError = {
  code: CreateAddressErrorCode | UpdateAddressErrorCode;
  field: string[] | null;
  message: string;
};

function AddressBook() {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(AddressesPage_AddressesQuery);
  const [create] = useMutation(AddressesPage_CreateMutation);
  const [update] = useMutation(AddressesPage_UpdateMutation);
  const [editing, setEditing] = useState<'new' | string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const actionsRef = useRef<HTMLDivElement>(null);

  if (!data) {
    return error ? (
      <ErrorState description={t('accounts.addresses.loadError')} onRetry={() => void refetch()} />
    ) : (
      <LoadingState />
    );
  }
  const addresses = (data.viewer?.addresses ?? []).map(unmask);
  const full = addresses.length >= MAX_ADDRESSES;

  /** Back to the list; the keyboard goes to "Add an address", which is always there. */
  const closeForm = (message: Notice = null) => {
    setEditing(null);
    setNotice(message);
    queueMicrotask(() => actionsRef.current?.querySelector('button')?.focus());
  };

  const save = async (
    send: () => Promise<{ userErrors: readonly AddressUserError[] } | null | undefined>,
  ): Promise<AddressSubmitResult> => {
    try {
      const payload = await send();
      if (!payload) return { ok: false, failed: true };
      if (payload.userErrors.length === 0) {
        closeForm({ tone: 'success', text: t('accounts.addresses.saved') });
        return { ok: true };
      }
      const { byField, general } = splitUserErrors(payload.userErrors, FIELDS);
      return { ok: false, fields: byField, general: general[0] ?? null };
    } catch {
      return { ok: false, failed: true };
    }
  };

  const createAddress = (values: AddressValues, setAsDefault: boolean) =>
    save(
      async () => (await create({ variables: { input: toInput(values), setAsDefault } })).data?.createAddress,
    );

  const updateAddress = (id: string) => (values: AddressValues) =>
    save(async () => (await update({ variables: { id, input: toInput(values) } })).data?.updateAddress);

  return (
    <section className="address-book" aria-labelledby="addresses-intro">
      <div className="address-book__header">
        <p id="addresses-intro" className="account-section__intro">
          {t('accounts.addresses.intro')}
        </p>
        <p className="address-book__count">
          {t('accounts.addresses.count', { count: addresses.length, max: MAX_ADDRESSES })}
        </p>
      </div>
      <div role="status" className="address-book__status">
        {notice && <FormMessage tone={notice.tone}>{notice.text}</FormMessage>}
      </div>
      {editing === 'new' ? (
        <AddressForm
          title={t('accounts.addresses.addTitle')}
          initial={EMPTY_ADDRESS}
          offerDefault={addresses.length > 0}
          onSubmit={createAddress}
          onCancel={() => closeForm()}
        />
      ) : (
        <div className="address-book__actions" ref={actionsRef}>
          <Button
            onClick={() => {
              setNotice(null);
              setEditing('new');
            }}
            disabled={full}
            data-testid="add-address"
          >
            {t('accounts.addresses.add')}
          </Button>
          {full && (
            <p className="address-book__full">{t('accounts.addresses.full', { max: MAX_ADDRESSES })}</p>
          )}
        </div>
      )}
      {addresses.length === 0 && editing !== 'new' ? (
        <EmptyState
          title={t('accounts.addresses.emptyTitle')}
          description={t('accounts.addresses.emptyText')}
        />
      ) : (
        <ul className="address-list">
          {addresses.map((address) => (
            <li key={address.id} className="address-list__item">
              {editing === address.id ? (
                <AddressForm
                  title={t('accounts.addresses.editTitle')}
                  initial={toValues(address)}
                  offerDefault={false}
                  onSubmit={updateAddress(address.id)}
                  onCancel={() => closeForm()}
                />
              ) : (
                <AddressCard
                  address={address}
                  onEdit={() => {
                    setNotice(null);
                    setEditing(address.id);
                  }}
                  onDone={closeForm}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AddressCard({
  address,
  onEdit,
  onDone,
}: {
  address: Address;
  onEdit: () => void;
  /** Shows the outcome of an action above the list (and moves focus there). */
  onDone: (notice: Notice) => void;
}) {
  const { t, i18n } = useTranslation();
  const [remove, { loading: deleting }] = useMutation(AddressesPage_DeleteMutation);
  const [makeDefault, { loading: defaulting }] = useMutation(AddressesPage_SetDefaultMutation);
  const [confirming, setConfirming] = useState(false);
  const country = new Intl.DisplayNames([i18n.resolvedLanguage ?? 'en'], {
    type: 'region',
    fallback: 'code',
  }).of(address.countryCode);
  const name = address.recipientName;

  const run = async (
    action: () => Promise<
      { userErrors: readonly { code: 'NOT_FOUND'; message: string }[] } | null | undefined
    >,
    done: string | null,
  ) => {
    try {
      const payload = await action();
      const [refusal] = payload?.userErrors ?? [];
      if (refusal) onDone({ tone: 'error', text: accountErrorText(t, refusal) });
      else if (!payload) onDone({ tone: 'error', text: t('accounts.errors.unknown') });
      else if (done) onDone({ tone: 'success', text: done });
    } catch {
      onDone({ tone: 'error', text: t('accounts.errors.unknown') });
    }
  };

  return (
    <article className="address-card" data-testid="address-card" aria-label={name}>
      <div className="address-card__body">
        <p className="address-card__name">
          <strong>{name}</strong>
          {address.isDefault && (
            <span className="status-badge status-badge--ok">{t('accounts.addresses.default')}</span>
          )}
        </p>
        <p className="address-card__lines">
          {[address.line1, address.line2].filter(Boolean).join(', ')}
          <br />
          {[address.city, address.region, address.postalCode].filter(Boolean).join(', ')}
          <br />
          {country}
        </p>
        <p className="address-card__phone">{address.phone}</p>
      </div>
      {confirming ? (
        <fieldset className="address-card__confirm">
          <legend>{t('accounts.addresses.confirmDelete')}</legend>
          <Button
            variant="secondary"
            isLoading={deleting}
            onClick={() =>
              void run(
                async () => (await remove({ variables: { id: address.id } })).data?.deleteAddress,
                t('accounts.addresses.deleted'),
              )
            }
          >
            {deleting ? t('accounts.addresses.deleting') : t('accounts.addresses.confirmDeleteYes')}
          </Button>
          <Button variant="ghost" onClick={() => setConfirming(false)} disabled={deleting}>
            {t('accounts.addresses.cancel')}
          </Button>
        </fieldset>
      ) : (
        <div className="address-card__actions">
          <Button
            variant="secondary"
            onClick={onEdit}
            aria-label={t('accounts.addresses.editLabel', { name })}
          >
            {t('accounts.addresses.edit')}
          </Button>
          {!address.isDefault && (
            <Button
              variant="ghost"
              isLoading={defaulting}
              aria-label={t('accounts.addresses.setDefaultLabel', { name })}
              onClick={() =>
                void run(
                  async () => (await makeDefault({ variables: { id: address.id } })).data?.setDefaultAddress,
                  null,
                )
              }
            >
              {t('accounts.addresses.setDefault')}
            </Button>
          )}
          <Button
            variant="ghost"
            onClick={() => setConfirming(true)}
            aria-label={t('accounts.addresses.deleteLabel', { name })}
          >
            {t('accounts.addresses.delete')}
          </Button>
        </div>
      )}
    </article>
  );
}
