import { SessionEntity } from '../modules/accounts/session.entity.js';
import { UserEntity } from '../modules/accounts/user.entity.js';
import { CartEntity, CartLineEntity } from '../modules/cart/cart.entity.js';
import { CategoryEntity } from '../modules/catalog/category.entity.js';
import { MerchantEntity } from '../modules/catalog/merchant.entity.js';
import { ProductImageEntity } from '../modules/catalog/product-image.entity.js';
import { ProductVariantEntity } from '../modules/catalog/product-variant.entity.js';
import { ProductEntity } from '../modules/catalog/product.entity.js';
import { CouponEntity } from '../modules/coupons/coupon.entity.js';
import { EmailMessageEntity } from '../modules/email/email.entity.js';

export const ENTITIES = [
  MerchantEntity,
  CategoryEntity,
  ProductEntity,
  ProductVariantEntity,
  ProductImageEntity,
  UserEntity,
  SessionEntity,
  CartEntity,
  CartLineEntity,
  CouponEntity,
  EmailMessageEntity,
];
