import { useMutation } from '@apollo/client/react';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { graphql } from '../../../gql/gql';
import type { ProductsPage_MerchantProductsQuery } from '../../../gql/graphql';
import {
  checkDraft,
  type ErrorCode,
  emptyDraft,
  type FieldErrors,
  newVariant,
  type ProductDraft,
  toFieldErrors,
  variantInputs,
} from '../lib/product-form';

type NoticeKey = 'products.form.saved' | 'products.form.published' | 'products.form.unpublished';
type FailureKey = 'products.form.fixErrors' | 'errors.unexpected' | `products.errors.${ErrorCode}`;

type EditedProduct = ProductsPage_MerchantProductsQuery['merchantProducts']['nodes'][number];

const CreateProduct = graphql(`
  mutation ProductEditor_CreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      product {
        id
        status
        titleEn
        titleZh
        descriptionEn
        descriptionZh
        kind
        updatedAt
        variants {
          id
          sku
          titleEn
          titleZh
          stock
          price: basePrice {
            amount
            currencyCode
          }
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

const UpdateProduct = graphql(`
  mutation ProductEditor_UpdateProduct($input: UpdateProductInput!) {
    updateProduct(input: $input) {
      product {
        id
        titleEn
        titleZh
        descriptionEn
        descriptionZh
        kind
        updatedAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const SetVariants = graphql(`
  mutation ProductEditor_SetProductVariants($input: SetProductVariantsInput!) {
    setProductVariants(input: $input) {
      product {
        id
        updatedAt
        variants {
          id
          sku
          titleEn
          titleZh
          stock
          price: basePrice {
            amount
            currencyCode
          }
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

const Publish = graphql(`
  mutation ProductEditor_PublishProduct($id: ID!) {
    publishProduct(productId: $id) {
      product {
        id
        status
        updatedAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const Unpublish = graphql(`
  mutation ProductEditor_UnpublishProduct($id: ID!) {
    unpublishProduct(productId: $id) {
      product {
        id
        status
        updatedAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const AddImage = graphql(`
  mutation ProductEditor_AddProductImage($input: AddProductImageInput!) {
    addProductImage(input: $input) {
      product {
        id
        updatedAt
        images {
          id
          url
          width
          height
          altEn
          altZh
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

const RemoveImage = graphql(`
  mutation ProductEditor_RemoveProductImage($input: RemoveProductImageInput!) {
    removeProductImage(input: $input) {
      product {
        id
        updatedAt
        images {
          id
          url
          width
          height
          altEn
          altZh
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

const ReorderImages = graphql(`
  mutation ProductEditor_ReorderProductImages($input: ReorderProductImagesInput!) {
    reorderProductImages(input: $input) {
      product {
        id
        updatedAt
        images {
          id
          url
          width
          height
          altEn
          altZh
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

function draftOf(product: EditedProduct | null): ProductDraft {
  if (!product) return emptyDraft();
  return {
    kind: product.kind,
    titleEn: product.titleEn,
    titleZh: product.titleZh,
    descriptionEn: product.descriptionEn,
    descriptionZh: product.descriptionZh,
    variants: product.variants.map((v) => ({
      id: v.id,
      key: v.id,
      sku: v.sku,
      titleEn: v.titleEn,
      titleZh: v.titleZh,
      price: v.price.amount,
      stock: v.stock === null || v.stock === undefined ? '' : String(v.stock),
    })),
  };
}

const MAX_UPLOAD = 5 * 1024 * 1024;
type UploadError =
  | 'TOO_LARGE'
  | 'SVG_NOT_ALLOWED'
  | 'UNSUPPORTED_TYPE'
  | 'NOT_AN_IMAGE'
  | 'EMPTY'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'other';
const UPLOAD_ERRORS: readonly UploadError[] = [
  'TOO_LARGE',
  'SVG_NOT_ALLOWED',
  'UNSUPPORTED_TYPE',
  'NOT_AN_IMAGE',
  'EMPTY',
  'FORBIDDEN',
  'UNAUTHENTICATED',
];

/** Sends one image to `POST /media/uploads` (same origin, session cookie); the upload id or why not. */
async function uploadImage(file: File): Promise<{ uploadId: string } | { error: UploadError }> {
  if (file.type === 'image/svg+xml' || file.name.toLowerCase().endsWith('.svg'))
    return { error: 'SVG_NOT_ALLOWED' };
  if (!['image/png', 'image/jpeg', 'image/webp'].includes(file.type)) return { error: 'UNSUPPORTED_TYPE' };
  if (file.size > MAX_UPLOAD) return { error: 'TOO_LARGE' };
  try {
    const res = await fetch('/media/uploads', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': file.type },
      body: file,
    });
    const body = (await res.json()) as { uploadId?: string; error?: { code?: string } };
    if (res.ok && body.uploadId) return { uploadId: body.uploadId };
    const code = body.error?.code as UploadError | undefined;
    return { error: code && UPLOAD_ERRORS.includes(code) ? code : 'other' };
  } catch {
    return { error: 'other' };
  }
}

/** Create or edit one product: both languages side by side, the variants table, images, publishing. */
export function ProductEditor({
  product,
  onClose,
  onCreated,
}: {
  product: EditedProduct | null;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [draft, setDraft] = useState<ProductDraft>(() => draftOf(product));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<NoticeKey | null>(null);
  const [failure, setFailure] = useState<FailureKey | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState({ altEn: '', altZh: '' });
  const [uploading, setUploading] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);
  const [fileInputKey, setFileInputKey] = useState(0);
  const sectionRef = useRef<HTMLElement>(null);
  /** After a refusal, keyboard and screen-reader users land on the first field to fix. */
  const focusFirstInvalid = () =>
    requestAnimationFrame(() =>
      sectionRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );
  useEffect(() => {
    if (!file) return setPreview(null);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);
  const [uploadError, setUploadError] = useState<UploadError | 'choose' | null>(null);
  const [create, creating] = useMutation(CreateProduct);
  const [update, updating] = useMutation(UpdateProduct);
  const [setVariants, settingVariants] = useMutation(SetVariants);
  const [publish, publishing] = useMutation(Publish);
  const [unpublish, unpublishing] = useMutation(Unpublish);
  const [addImage] = useMutation(AddImage);
  const [removeImage] = useMutation(RemoveImage);
  const [reorderImages] = useMutation(ReorderImages);
  const saving = creating.loading || updating.loading || settingVariants.loading;

  const errorText = (code: ErrorCode | undefined) => (code ? t(`products.errors.${code}`) : undefined);
  const fieldProps = (key: string) => {
    const code = errors[key];
    return code
      ? {
          'aria-invalid': true as const,
          'aria-describedby': `${headingId}-${key.replaceAll('.', '-')}-error`,
        }
      : {};
  };
  const fieldError = (key: string) =>
    errors[key] ? (
      <p className="products-field-error" id={`${headingId}-${key.replaceAll('.', '-')}-error`}>
        {errorText(errors[key])}
      </p>
    ) : null;

  const set = <K extends keyof ProductDraft>(key: K, value: ProductDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const setVariant = (index: number, key: 'sku' | 'titleEn' | 'titleZh' | 'price' | 'stock', value: string) =>
    setDraft((d) => ({
      ...d,
      variants: d.variants.map((v, i) => (i === index ? { ...v, [key]: value } : v)),
    }));

  const report = (userErrors: readonly { code: string; field?: readonly string[] | null }[]) => {
    const mapped = toFieldErrors(userErrors);
    setErrors(mapped);
    focusFirstInvalid();
    setFailure(mapped.form ? `products.errors.${mapped.form}` : 'products.form.fixErrors');
  };

  const onSave = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    setFailure(null);
    const local = checkDraft(draft);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      focusFirstInvalid();
      setFailure('products.form.fixErrors');
      return;
    }
    try {
      if (!product) {
        const res = await create({
          variables: {
            input: {
              kind: draft.kind,
              titleEn: draft.titleEn.trim(),
              titleZh: draft.titleZh.trim(),
              descriptionEn: draft.descriptionEn,
              descriptionZh: draft.descriptionZh,
              variants: variantInputs(draft),
            },
          },
        });
        const payload = res.data?.createProduct;
        if (!payload) return;
        if (payload.userErrors.length > 0 || !payload.product) return report(payload.userErrors);
        setErrors({});
        onCreated(payload.product.id);
        return;
      }
      const res = await update({
        variables: {
          input: {
            productId: product.id,
            kind: draft.kind,
            titleEn: draft.titleEn,
            titleZh: draft.titleZh,
            descriptionEn: draft.descriptionEn,
            descriptionZh: draft.descriptionZh,
          },
        },
      });
      const updated = res.data?.updateProduct;
      if (!updated) return;
      if (updated.userErrors.length > 0) return report(updated.userErrors);
      const vres = await setVariants({
        variables: { input: { productId: product.id, variants: variantInputs(draft) } },
      });
      const variants = vres.data?.setProductVariants;
      if (!variants) return;
      if (variants.userErrors.length > 0) return report(variants.userErrors);
      const saved = variants.product?.variants;
      // Newly added rows get their server ids, so the next save updates instead of adding again.
      if (saved) setDraft((d) => ({ ...d, variants: draftOf({ ...product, variants: saved }).variants }));
      setErrors({});
      setNotice('products.form.saved');
    } catch {
      setFailure('errors.unexpected');
    }
  };

  const onPublish = async () => {
    if (!product) return;
    setNotice(null);
    setFailure(null);
    try {
      const res =
        product.status === 'PUBLISHED'
          ? (await unpublish({ variables: { id: product.id } })).data?.unpublishProduct
          : (await publish({ variables: { id: product.id } })).data?.publishProduct;
      if (!res) return;
      if (res.userErrors.length > 0) return report(res.userErrors);
      setErrors({});
      setNotice(
        res.product?.status === 'PUBLISHED' ? 'products.form.published' : 'products.form.unpublished',
      );
    } catch {
      setFailure('errors.unexpected');
    }
  };

  const onUpload = async () => {
    if (!product) return;
    setUploadError(null);
    if (!file) return setUploadError('choose');
    setUploading(true);
    try {
      const uploaded = await uploadImage(file);
      if ('error' in uploaded) return setUploadError(uploaded.error);
      const res = await addImage({
        variables: { input: { productId: product.id, uploadId: uploaded.uploadId, ...alt } },
      });
      const payload = res.data?.addProductImage;
      if (payload && payload.userErrors.length > 0) return report(payload.userErrors);
      setFile(null);
      setFileInputKey((k) => k + 1);
      setAlt({ altEn: '', altZh: '' });
    } catch {
      setUploadError('other');
    } finally {
      setUploading(false);
    }
  };

  const onImageAction = async (
    run: () => Promise<
      { userErrors: readonly { code: string; field?: readonly string[] | null }[] } | undefined
    >,
  ) => {
    try {
      const payload = await run();
      if (payload && payload.userErrors.length > 0) report(payload.userErrors);
    } catch {
      setFailure('errors.unexpected');
    }
  };

  const images = product?.images ?? [];

  return (
    <section className="product-editor" aria-labelledby={headingId} ref={sectionRef}>
      <header className="product-editor__header">
        <h2 id={headingId}>{product ? t('products.form.editTitle') : t('products.form.createTitle')}</h2>
        {product && (
          <p className="product-editor__status" data-testid="product-status" data-status={product.status}>
            {t('products.form.statusLine', { status: t(`products.status.${product.status}`) })}
          </p>
        )}
        <Button variant="ghost" onClick={onClose}>
          {t('products.form.close')}
        </Button>
      </header>
      {failure && <Alert tone="error">{t(failure)}</Alert>}
      {notice && <Alert tone="info">{t(notice)}</Alert>}

      <form className="product-editor__form" onSubmit={(e) => void onSave(e)} noValidate>
        <label className="products-select">
          <span>{t('products.form.kind')}</span>
          <select
            name="kind"
            value={draft.kind}
            onChange={(e) => set('kind', e.target.value as ProductDraft['kind'])}
          >
            <option value="GOODS">{t('products.kind.GOODS')}</option>
            <option value="SERVICE">{t('products.kind.SERVICE')}</option>
          </select>
        </label>
        {fieldError('kind')}

        <div className="product-editor__languages">
          <fieldset>
            <legend>{t('products.form.english')}</legend>
            <TextField
              label={t('products.form.titleEn')}
              name="titleEn"
              lang="en"
              value={draft.titleEn}
              maxLength={300}
              required
              onChange={(e) => set('titleEn', e.target.value)}
              {...fieldProps('titleEn')}
            />
            {fieldError('titleEn')}
            <label className="products-textarea">
              <span>{t('products.form.descriptionEn')}</span>
              <textarea
                name="descriptionEn"
                lang="en"
                rows={5}
                value={draft.descriptionEn}
                onChange={(e) => set('descriptionEn', e.target.value)}
                {...fieldProps('descriptionEn')}
              />
            </label>
            {fieldError('descriptionEn')}
          </fieldset>
          <fieldset>
            <legend>{t('products.form.chinese')}</legend>
            <TextField
              label={t('products.form.titleZh')}
              name="titleZh"
              lang="zh-TW"
              value={draft.titleZh}
              maxLength={300}
              required
              onChange={(e) => set('titleZh', e.target.value)}
              {...fieldProps('titleZh')}
            />
            {fieldError('titleZh')}
            <label className="products-textarea">
              <span>{t('products.form.descriptionZh')}</span>
              <textarea
                name="descriptionZh"
                lang="zh-TW"
                rows={5}
                value={draft.descriptionZh}
                onChange={(e) => set('descriptionZh', e.target.value)}
                {...fieldProps('descriptionZh')}
              />
            </label>
            {fieldError('descriptionZh')}
          </fieldset>
        </div>

        <fieldset className="product-editor__variants">
          <legend>{t('products.form.variants')}</legend>
          <p className="products-hint">{t('products.form.stockHint')}</p>
          {fieldError('variants')}
          {draft.variants.length === 0 ? (
            <p>{t('products.form.noVariants')}</p>
          ) : (
            <div className="products-table-wrap">
              <table className="variants-table" data-testid="variants-table">
                <thead>
                  <tr>
                    <th scope="col">{t('products.form.sku')}</th>
                    <th scope="col">{t('products.form.variantTitleEn')}</th>
                    <th scope="col">{t('products.form.variantTitleZh')}</th>
                    <th scope="col">{t('products.form.price')}</th>
                    <th scope="col">{t('products.form.stock')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('products.form.removeVariant', { sku: '' })}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {draft.variants.map((v, i) => (
                    <tr key={v.key} data-testid="variants-row">
                      {(['sku', 'titleEn', 'titleZh', 'price', 'stock'] as const).map((key) => {
                        const label =
                          key === 'sku'
                            ? t('products.form.sku')
                            : key === 'titleEn'
                              ? t('products.form.variantTitleEn')
                              : key === 'titleZh'
                                ? t('products.form.variantTitleZh')
                                : key === 'price'
                                  ? t('products.form.price')
                                  : t('products.form.stock');
                        return (
                          <td key={key}>
                            <input
                              className="ui-field__input"
                              aria-label={`${label} ${i + 1}`}
                              name={`variants.${i}.${key}`}
                              value={v[key]}
                              inputMode={
                                key === 'price' ? 'decimal' : key === 'stock' ? 'numeric' : undefined
                              }
                              onChange={(e) => setVariant(i, key, e.target.value)}
                              {...fieldProps(`variants.${i}.${key}`)}
                            />
                            {fieldError(`variants.${i}.${key}`)}
                          </td>
                        );
                      })}
                      <td>
                        <Button
                          variant="ghost"
                          aria-label={t('products.form.removeVariant', { sku: v.sku || String(i + 1) })}
                          onClick={() =>
                            setDraft((d) => ({ ...d, variants: d.variants.filter((_, j) => j !== i) }))
                          }
                        >
                          ×
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Button
            variant="secondary"
            data-testid="add-variant"
            onClick={() => setDraft((d) => ({ ...d, variants: [...d.variants, newVariant()] }))}
          >
            {t('products.form.addVariant')}
          </Button>
        </fieldset>

        <div className="product-editor__actions">
          <Button type="submit" data-testid="save-product" pending={saving}>
            {saving ? t('products.form.saving') : t('products.form.save')}
          </Button>
          {product && (
            <Button
              variant="secondary"
              data-testid="publish-product"
              pending={publishing.loading || unpublishing.loading}
              onClick={() => void onPublish()}
            >
              {product.status === 'PUBLISHED' ? t('products.form.unpublish') : t('products.form.publish')}
            </Button>
          )}
        </div>
      </form>

      <section className="product-editor__images" aria-label={t('products.form.images')}>
        <h3>{t('products.form.images')}</h3>
        {!product ? (
          <p>{t('products.form.saveFirst')}</p>
        ) : (
          <>
            {images.length === 0 ? (
              <p>{t('products.form.noImages')}</p>
            ) : (
              <ul className="product-images" data-testid="product-images">
                {images.map((image, index) => (
                  <li key={image.id} className="product-images__item">
                    <img src={image.url} alt={image.altEn} width={image.width} height={image.height} />
                    <span lang="en">{image.altEn}</span>
                    <span lang="zh-TW">{image.altZh}</span>
                    {index > 0 && (
                      <Button
                        variant="ghost"
                        onClick={() => {
                          const ids = images.map((i) => i.id);
                          [ids[index - 1], ids[index]] = [ids[index] as string, ids[index - 1] as string];
                          void onImageAction(
                            async () =>
                              (
                                await reorderImages({
                                  variables: { input: { productId: product.id, imageIds: ids } },
                                })
                              ).data?.reorderProductImages,
                          );
                        }}
                      >
                        {t('products.form.moveUp')}
                      </Button>
                    )}
                    <Button
                      variant="ghost"
                      onClick={() =>
                        void onImageAction(
                          async () =>
                            (
                              await removeImage({
                                variables: { input: { productId: product.id, imageId: image.id } },
                              })
                            ).data?.removeProductImage,
                        )
                      }
                    >
                      {t('products.form.removeImage')}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            <div className="product-editor__upload">
              <label className="products-textarea">
                <span>{t('products.form.imageFile')}</span>
                <input
                  key={fileInputKey}
                  type="file"
                  name="image"
                  accept="image/png,image/jpeg,image/webp"
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                />
              </label>
              {preview && (
                <img className="product-editor__preview" src={preview} alt="" width={96} height={96} />
              )}
              <TextField
                label={t('products.form.altEn')}
                name="altEn"
                lang="en"
                value={alt.altEn}
                maxLength={300}
                onChange={(e) => setAlt((a) => ({ ...a, altEn: e.target.value }))}
                {...fieldProps('altEn')}
              />
              {fieldError('altEn')}
              <TextField
                label={t('products.form.altZh')}
                name="altZh"
                lang="zh-TW"
                value={alt.altZh}
                maxLength={300}
                onChange={(e) => setAlt((a) => ({ ...a, altZh: e.target.value }))}
                {...fieldProps('altZh')}
              />
              {fieldError('altZh')}
              {uploadError && (
                <Alert tone="error">
                  {uploadError === 'choose'
                    ? t('products.form.chooseFile')
                    : t(`products.form.uploadErrors.${uploadError}`)}
                </Alert>
              )}
              {fieldError('uploadId')}
              <Button variant="secondary" pending={uploading} onClick={() => void onUpload()}>
                {uploading ? t('products.form.uploading') : t('products.form.upload')}
              </Button>
            </div>
          </>
        )}
      </section>
    </section>
  );
}
