/**
 * Demo catalogue used by the seed command and by tests: merchants, categories and
 * products with English and Traditional Chinese (Taiwan) copy. Prices are integer
 * USD cents; `stock: null` means unlimited (consulting services).
 */

export type ProductMotif =
  | 'coffee'
  | 'tea'
  | 'mug'
  | 'book'
  | 'bag'
  | 'headphones'
  | 'lamp'
  | 'plant'
  | 'shirt'
  | 'chat'
  | 'chart'
  | 'briefcase'
  | 'shield'
  | 'globe'
  | 'cable'
  | 'calculator';

export interface DemoMerchant {
  handle: string;
  nameEn: string;
  nameZh: string;
  descriptionEn: string;
  descriptionZh: string;
  /** Brand colour hue, 0-359. */
  hue: number;
}

export interface DemoCategory {
  handle: string;
  nameEn: string;
  nameZh: string;
}

export interface DemoVariant {
  sku: string;
  titleEn: string;
  titleZh: string;
  /** Integer, USD cents. */
  priceMinor: number;
  /** null = unlimited (services). */
  stock: number | null;
}

export interface DemoProduct {
  handle: string;
  /** Merchant handle. */
  merchant: string;
  /** Category handle. */
  category: string;
  kind: 'GOODS' | 'SERVICE';
  titleEn: string;
  titleZh: string;
  descriptionEn: string;
  descriptionZh: string;
  variants: DemoVariant[];
  motif: ProductMotif;
}

export const DEMO_MERCHANTS: DemoMerchant[] = [
  {
    handle: 'formosa-roasters',
    nameEn: 'Formosa Roasters',
    nameZh: '福爾摩沙烘焙所',
    descriptionEn:
      'A small-batch speciality coffee and tea roaster in Tainan, buying directly from farms in Alishan, Ethiopia and Central America. Every order is roasted the same week it ships.',
    descriptionZh:
      '位於台南的小批次精品咖啡與茶葉烘焙坊，直接向阿里山、衣索比亞與中美洲的莊園採購。每筆訂單皆於出貨當週新鮮烘焙。',
    hue: 24,
  },
  {
    handle: 'lane-nine-design',
    nameEn: 'Lane Nine Design',
    nameZh: '九巷設計',
    descriptionEn:
      'Everyday objects, apparel and books made with Taiwanese workshops: ceramics from Yingge, indigo from Sanxia and linen sewn in Taichung.',
    descriptionZh:
      '與台灣在地工坊合作的日常器物、服飾與書籍——鶯歌的陶瓷、三峽的藍染，以及在台中車縫的亞麻製品。',
    hue: 150,
  },
  {
    handle: 'voltline',
    nameEn: 'Voltline Accessories',
    nameZh: '伏特線配件',
    descriptionEn:
      'Well-made chargers, cables and audio gear for everyday carry. Every product is tested in our Hsinchu lab and comes with an 18-month warranty.',
    descriptionZh: '為日常隨身打造的充電器、傳輸線與音訊配件。所有產品皆經新竹實驗室測試，並享 18 個月保固。',
    hue: 265,
  },
  {
    handle: 'harbor-bridge-consulting',
    nameEn: 'Harbor Bridge Consulting',
    nameZh: '港橋商務顧問',
    descriptionEn:
      'A Taipei advisory firm helping small and mid-sized companies with export compliance, tax filings and entering new markets in Asia and North America.',
    descriptionZh: '總部位於台北的顧問公司，協助中小企業處理出口合規、稅務申報，並拓展亞洲與北美新市場。',
    hue: 210,
  },
];

export const DEMO_CATEGORIES: DemoCategory[] = [
  { handle: 'coffee', nameEn: 'Coffee', nameZh: '咖啡' },
  { handle: 'tea', nameEn: 'Tea', nameZh: '茶葉' },
  { handle: 'home', nameEn: 'Home & Kitchen', nameZh: '居家廚房' },
  { handle: 'apparel', nameEn: 'Apparel & Bags', nameZh: '服飾包款' },
  { handle: 'electronics', nameEn: 'Electronics Accessories', nameZh: '3C 配件' },
  { handle: 'books', nameEn: 'Books', nameZh: '書籍' },
  { handle: 'consulting', nameEn: 'Consulting Services', nameZh: '顧問服務' },
];

export const DEMO_PRODUCTS: DemoProduct[] = [
  // ── Formosa Roasters ──────────────────────────────────────────────────────
  {
    handle: 'ethiopia-yirgacheffe-coffee-beans',
    merchant: 'formosa-roasters',
    category: 'coffee',
    kind: 'GOODS',
    titleEn: 'Ethiopia Yirgacheffe Coffee Beans',
    titleZh: '衣索比亞耶加雪菲咖啡豆',
    descriptionEn:
      'Washed heirloom beans from the Gedeo zone with notes of jasmine, bergamot and lemon tea. A light roast made for pour-over.',
    descriptionZh:
      '來自耶加雪菲產區的水洗原生種咖啡豆，帶有茉莉花、佛手柑與檸檬紅茶的風味。淺焙，最適合手沖。',
    motif: 'coffee',
    variants: [
      { sku: 'CAF-ETH-250', titleEn: '250 g', titleZh: '250 公克', priceMinor: 1800, stock: 80 },
      { sku: 'CAF-ETH-500', titleEn: '500 g', titleZh: '500 公克', priceMinor: 3200, stock: 45 },
      { sku: 'CAF-ETH-1000', titleEn: '1 kg', titleZh: '1 公斤', priceMinor: 5900, stock: 4 },
    ],
  },
  {
    handle: 'alishan-geisha-beans',
    merchant: 'formosa-roasters',
    category: 'coffee',
    kind: 'GOODS',
    titleEn: 'Alishan Geisha Beans',
    titleZh: '阿里山藝伎精品咖啡豆',
    descriptionEn:
      'A micro-lot Geisha grown at 1,200 m in Alishan, Chiayi. Floral and honey-sweet with a long, clean finish, and only a few hundred bags per harvest.',
    descriptionZh:
      '產自嘉義阿里山海拔 1,200 公尺的藝伎微批次，花香明亮、帶蜂蜜甜感，尾韻乾淨悠長。每季僅限量數百包。',
    motif: 'coffee',
    variants: [
      { sku: 'CAF-ALI-100', titleEn: '100 g', titleZh: '100 公克', priceMinor: 3600, stock: 5 },
      {
        sku: 'CAF-ALI-227',
        titleEn: '227 g (half pound)',
        titleZh: '227 公克（半磅）',
        priceMinor: 7800,
        stock: 3,
      },
    ],
  },
  {
    handle: 'house-espresso-blend',
    merchant: 'formosa-roasters',
    category: 'coffee',
    kind: 'GOODS',
    titleEn: 'House Espresso Blend',
    titleZh: '招牌義式配方豆',
    descriptionEn:
      'A medium-dark blend of Brazilian and Guatemalan beans with notes of chocolate, roasted nuts and caramel. Thick crema, and sweet in milk drinks too.',
    descriptionZh:
      '以巴西與瓜地馬拉咖啡豆調配的中深焙配方，帶有巧克力、烘烤堅果與焦糖風味。油脂豐厚，加入牛奶同樣香甜。',
    motif: 'coffee',
    variants: [
      { sku: 'CAF-ESP-250', titleEn: '250 g', titleZh: '250 公克', priceMinor: 1500, stock: 120 },
      { sku: 'CAF-ESP-500', titleEn: '500 g', titleZh: '500 公克', priceMinor: 2700, stock: 90 },
      { sku: 'CAF-ESP-1000', titleEn: '1 kg', titleZh: '1 公斤', priceMinor: 4900, stock: 60 },
    ],
  },
  {
    handle: 'drip-bag-coffee-sampler',
    merchant: 'formosa-roasters',
    category: 'coffee',
    kind: 'GOODS',
    titleEn: 'Drip Bag Coffee Sampler',
    titleZh: '濾掛咖啡綜合組',
    descriptionEn:
      'Five single origins in handy drip bags. Hook one over your cup and pour in hot water, perfect for the office or travelling.',
    descriptionZh: '五種單品咖啡的濾掛包組合。掛在杯緣注入熱水即可沖煮，辦公室或旅行都很方便。',
    motif: 'coffee',
    variants: [
      { sku: 'CAF-DRP-10', titleEn: '10 bags', titleZh: '10 入', priceMinor: 1400, stock: 150 },
      { sku: 'CAF-DRP-30', titleEn: '30 bags', titleZh: '30 入', priceMinor: 3800, stock: 70 },
    ],
  },
  {
    handle: 'cold-brew-coffee-pouches',
    merchant: 'formosa-roasters',
    category: 'coffee',
    kind: 'GOODS',
    titleEn: 'Cold Brew Coffee Pouches',
    titleZh: '冷萃咖啡包',
    descriptionEn:
      'Coarse-ground beans in filter pouches for cold brew at home. Steep one pouch in 500 ml of cold water overnight for a smooth, low-acid coffee.',
    descriptionZh:
      '裝入濾袋的粗研磨咖啡粉，在家就能做冷萃。一包加入 500 毫升冷水浸泡一夜，即可享用順口低酸的咖啡。',
    motif: 'coffee',
    variants: [{ sku: 'CAF-CLD-6', titleEn: '6 pouches', titleZh: '6 入', priceMinor: 1200, stock: 100 }],
  },
  {
    handle: 'alishan-high-mountain-oolong',
    merchant: 'formosa-roasters',
    category: 'tea',
    kind: 'GOODS',
    titleEn: 'Alishan High Mountain Oolong',
    titleZh: '阿里山高山烏龍茶',
    descriptionEn:
      'Spring-harvest oolong from tea gardens above 1,000 m. Lightly oxidised, with a creamy body and an orchid aroma that lasts five steeps or more.',
    descriptionZh: '採自海拔千米以上茶園的春茶，輕發酵，茶湯滑順並帶有蘭花香，可回沖五次以上。',
    motif: 'tea',
    variants: [
      { sku: 'TEA-ALI-75', titleEn: '75 g', titleZh: '75 公克', priceMinor: 2200, stock: 60 },
      { sku: 'TEA-ALI-150', titleEn: '150 g', titleZh: '150 公克', priceMinor: 4000, stock: 35 },
    ],
  },
  {
    handle: 'sun-moon-lake-ruby-black-tea',
    merchant: 'formosa-roasters',
    category: 'tea',
    kind: 'GOODS',
    titleEn: 'Sun Moon Lake Ruby Black Tea',
    titleZh: '日月潭紅玉紅茶',
    descriptionEn:
      'Taiwan Tea No. 18 grown around Sun Moon Lake, with natural hints of cinnamon and fresh mint. Bold enough for milk tea, smooth enough to drink on its own.',
    descriptionZh: '產自日月潭周邊的台茶 18 號，天然帶有肉桂與薄荷香氣。濃郁到足以調製奶茶，單喝也十分順口。',
    motif: 'tea',
    variants: [
      { sku: 'TEA-RUB-50', titleEn: '50 g', titleZh: '50 公克', priceMinor: 1600, stock: 90 },
      { sku: 'TEA-RUB-100', titleEn: '100 g', titleZh: '100 公克', priceMinor: 2900, stock: 0 },
    ],
  },
  {
    handle: 'oriental-beauty-oolong',
    merchant: 'formosa-roasters',
    category: 'tea',
    kind: 'GOODS',
    titleEn: 'Oriental Beauty Oolong',
    titleZh: '東方美人茶',
    descriptionEn:
      'A heavily oxidised oolong from Hsinchu. The leaves are nibbled by tea leafhoppers in summer, which gives the tea its natural honey and ripe-fruit sweetness.',
    descriptionZh: '產自新竹的重發酵烏龍茶。茶葉在夏季經小綠葉蟬叮咬，因而自然散發蜂蜜與熟果般的甜香。',
    motif: 'tea',
    variants: [{ sku: 'TEA-OBT-38', titleEn: '37.5 g', titleZh: '37.5 公克', priceMinor: 2800, stock: 12 }],
  },
  {
    handle: 'muzha-tieguanyin',
    merchant: 'formosa-roasters',
    category: 'tea',
    kind: 'GOODS',
    titleEn: 'Muzha Tieguanyin',
    titleZh: '木柵鐵觀音',
    descriptionEn:
      'Charcoal-roasted the traditional way in the hills of Muzha, Taipei. Toasty and mineral, with a sweet aftertaste that lingers.',
    descriptionZh: '來自台北木柵山區、以傳統炭焙工法製成的鐵觀音，焙火香與礦石韻兼具，喉韻回甘持久。',
    motif: 'tea',
    variants: [{ sku: 'TEA-MZT-150', titleEn: '150 g', titleZh: '150 公克', priceMinor: 3400, stock: 25 }],
  },
  {
    handle: 'gooseneck-pour-over-kettle',
    merchant: 'formosa-roasters',
    category: 'home',
    kind: 'GOODS',
    titleEn: 'Gooseneck Pour-Over Kettle',
    titleZh: '細口手沖壺',
    descriptionEn:
      'A 600 ml stainless-steel kettle with a slim spout for a precise, steady pour. Works on gas and induction hobs.',
    descriptionZh: '容量 600 毫升的不鏽鋼手沖壺，細長壺嘴讓水流穩定又好控制，瓦斯爐與電磁爐皆適用。',
    motif: 'tea',
    variants: [
      { sku: 'HOM-KET-BLK', titleEn: 'Matte black', titleZh: '霧黑', priceMinor: 4500, stock: 30 },
      { sku: 'HOM-KET-SLV', titleEn: 'Brushed steel', titleZh: '髮絲銀', priceMinor: 4200, stock: 22 },
    ],
  },
  {
    handle: 'taiwan-coffee-atlas',
    merchant: 'formosa-roasters',
    category: 'books',
    kind: 'GOODS',
    titleEn: 'The Taiwan Coffee Atlas',
    titleZh: '台灣咖啡地圖',
    descriptionEn:
      "A field guide to Taiwan's coffee farms, from Alishan to Pingtung, with tasting notes and brewing recipes from the growers themselves.",
    descriptionZh: '從阿里山到屏東，走訪台灣各地咖啡莊園的實用指南，收錄農友親授的風味筆記與沖煮配方。',
    motif: 'book',
    variants: [{ sku: 'BOK-TCA-PB', titleEn: 'Paperback', titleZh: '平裝', priceMinor: 2400, stock: 40 }],
  },

  // ── Lane Nine Design ──────────────────────────────────────────────────────
  {
    handle: 'ceramic-pour-over-dripper',
    merchant: 'lane-nine-design',
    category: 'home',
    kind: 'GOODS',
    titleEn: 'Ceramic Pour-Over Dripper',
    titleZh: '陶瓷手沖濾杯',
    descriptionEn:
      'Hand-thrown in Yingge, with spiral ribs inside for an even extraction. Fits standard size 02 paper filters.',
    descriptionZh: '由鶯歌師傅手拉坯成形，內壁的螺旋肋紋讓萃取更均勻。適用標準 02 號濾紙。',
    motif: 'coffee',
    variants: [
      { sku: 'HOM-DRP-WHT', titleEn: 'Matte white', titleZh: '霧白釉', priceMinor: 2800, stock: 40 },
      { sku: 'HOM-DRP-CEL', titleEn: 'Celadon', titleZh: '青瓷', priceMinor: 3200, stock: 5 },
    ],
  },
  {
    handle: 'yingge-stoneware-mug',
    merchant: 'lane-nine-design',
    category: 'home',
    kind: 'GOODS',
    titleEn: 'Yingge Stoneware Mug',
    titleZh: '鶯歌陶瓷馬克杯',
    descriptionEn:
      'A 350 ml stoneware mug in a reactive glaze, so no two are quite alike. Dishwasher and microwave safe.',
    descriptionZh: '容量 350 毫升的陶瓷馬克杯，以窯變釉燒製，每一只的紋路都獨一無二。可放入洗碗機與微波爐。',
    motif: 'mug',
    variants: [
      { sku: 'HOM-MUG-BLU', titleEn: 'Ocean blue', titleZh: '海洋藍', priceMinor: 1800, stock: 60 },
      { sku: 'HOM-MUG-SND', titleEn: 'Sand', titleZh: '沙色', priceMinor: 1800, stock: 45 },
      { sku: 'HOM-MUG-CHR', titleEn: 'Charcoal', titleZh: '炭黑', priceMinor: 1800, stock: 4 },
    ],
  },
  {
    handle: 'woven-bamboo-table-lamp',
    merchant: 'lane-nine-design',
    category: 'home',
    kind: 'GOODS',
    titleEn: 'Woven Bamboo Table Lamp',
    titleZh: '竹編桌燈',
    descriptionEn:
      'A warm table lamp whose shade is hand-woven by bamboo artisans in Nantou. Comes with an E27 LED bulb and a dimmer switch.',
    descriptionZh: '燈罩由南投竹編職人手工編織，光線溫暖柔和。附 E27 LED 燈泡與調光開關。',
    motif: 'lamp',
    variants: [
      { sku: 'HOM-LMP-S', titleEn: 'Small (28 cm)', titleZh: '小（28 公分）', priceMinor: 6800, stock: 15 },
      { sku: 'HOM-LMP-L', titleEn: 'Large (40 cm)', titleZh: '大（40 公分）', priceMinor: 9800, stock: 8 },
    ],
  },
  {
    handle: 'concrete-planter-with-succulents',
    merchant: 'lane-nine-design',
    category: 'home',
    kind: 'GOODS',
    titleEn: 'Concrete Planter with Succulents',
    titleZh: '清水模盆器多肉組合',
    descriptionEn:
      'A hand-cast concrete planter with three easy-care succulents. Shipped in protective packaging with care instructions.',
    descriptionZh: '手工灌製的清水模盆器，搭配三株好照顧的多肉植物。以防撞包裝寄送，並附照顧說明。',
    motif: 'plant',
    variants: [
      { sku: 'HOM-PLT-10', titleEn: '10 cm pot', titleZh: '10 公分盆', priceMinor: 1500, stock: 35 },
      { sku: 'HOM-PLT-15', titleEn: '15 cm pot', titleZh: '15 公分盆', priceMinor: 2600, stock: 20 },
    ],
  },
  {
    handle: 'organic-cotton-crew-tee',
    merchant: 'lane-nine-design',
    category: 'apparel',
    kind: 'GOODS',
    titleEn: 'Organic Cotton Crew Tee',
    titleZh: '有機棉圓領 T 恤',
    descriptionEn:
      'A heavyweight 220 gsm tee in GOTS-certified organic cotton with a relaxed fit. Pre-shrunk, so it keeps its shape wash after wash.',
    descriptionZh: '採用 GOTS 認證有機棉、220 克重磅布料，版型寬鬆舒適。已預縮處理，多次洗滌也不易變形。',
    motif: 'shirt',
    variants: [
      { sku: 'APP-TEE-S', titleEn: 'S', titleZh: 'S', priceMinor: 2200, stock: 40 },
      { sku: 'APP-TEE-M', titleEn: 'M', titleZh: 'M', priceMinor: 2200, stock: 55 },
      { sku: 'APP-TEE-L', titleEn: 'L', titleZh: 'L', priceMinor: 2200, stock: 50 },
      { sku: 'APP-TEE-XL', titleEn: 'XL', titleZh: 'XL', priceMinor: 2200, stock: 3 },
    ],
  },
  {
    handle: 'indigo-dyed-linen-scarf',
    merchant: 'lane-nine-design',
    category: 'apparel',
    kind: 'GOODS',
    titleEn: 'Indigo-Dyed Linen Scarf',
    titleZh: '三峽藍染亞麻圍巾',
    descriptionEn:
      'Dyed by hand in Sanxia with natural indigo, so every scarf has its own pattern. Light linen you can wear all year round.',
    descriptionZh: '在三峽以天然藍靛手工染製，每條圍巾的紋樣都不盡相同。輕薄的亞麻材質，一年四季都適用。',
    motif: 'shirt',
    variants: [{ sku: 'APP-SCF-IND', titleEn: 'One size', titleZh: '單一尺寸', priceMinor: 3600, stock: 18 }],
  },
  {
    handle: 'washed-linen-tote-bag',
    merchant: 'lane-nine-design',
    category: 'apparel',
    kind: 'GOODS',
    titleEn: 'Washed Linen Tote Bag',
    titleZh: '水洗亞麻托特包',
    descriptionEn:
      'A roomy everyday tote with a zipped inner pocket and reinforced handles. Fits a 14-inch laptop.',
    descriptionZh: '容量充足的日常托特包，附內側拉鍊袋與加固提把，可放入 14 吋筆電。',
    motif: 'bag',
    variants: [
      { sku: 'APP-TOT-NAT', titleEn: 'Natural', titleZh: '原色', priceMinor: 2900, stock: 50 },
      { sku: 'APP-TOT-OLV', titleEn: 'Olive', titleZh: '橄欖綠', priceMinor: 2900, stock: 30 },
    ],
  },
  {
    handle: 'waxed-canvas-daypack',
    merchant: 'lane-nine-design',
    category: 'apparel',
    kind: 'GOODS',
    titleEn: 'Waxed Canvas Daypack',
    titleZh: '防潑水蠟布後背包',
    descriptionEn:
      'Water-resistant waxed canvas with leather trim and a padded laptop sleeve. It only looks better with age.',
    descriptionZh: '防潑水蠟布搭配皮革飾邊，內附筆電防震夾層，越用越有味道。',
    motif: 'bag',
    variants: [
      { sku: 'APP-DPK-KHK', titleEn: 'Khaki', titleZh: '卡其', priceMinor: 8900, stock: 12 },
      { sku: 'APP-DPK-NVY', titleEn: 'Navy', titleZh: '深藍', priceMinor: 8900, stock: 5 },
    ],
  },
  {
    handle: 'slow-days-in-taipei',
    merchant: 'lane-nine-design',
    category: 'books',
    kind: 'GOODS',
    titleEn: 'Slow Days in Taipei',
    titleZh: '台北慢日子',
    descriptionEn:
      "An illustrated walking guide to Taipei's quiet lanes, old teahouses and neighbourhood markets, in a pocket-sized format.",
    descriptionZh: '以插畫帶路的台北散步書，走進安靜巷弄、老茶館與街坊市場。開本小巧，方便隨身攜帶。',
    motif: 'book',
    variants: [
      { sku: 'BOK-SDT-PB', titleEn: 'Paperback', titleZh: '平裝', priceMinor: 1900, stock: 60 },
      { sku: 'BOK-SDT-HC', titleEn: 'Hardcover', titleZh: '精裝', priceMinor: 2900, stock: 20 },
    ],
  },
  {
    handle: 'field-guide-to-taiwanese-breakfast',
    merchant: 'lane-nine-design',
    category: 'books',
    kind: 'GOODS',
    titleEn: 'A Field Guide to Taiwanese Breakfast',
    titleZh: '台灣早餐圖鑑',
    descriptionEn:
      'From soy milk and shaobing to turnip cake: more than sixty breakfast classics, illustrated and explained, with tips on where to find the best.',
    descriptionZh: '從豆漿、燒餅到蘿蔔糕，以圖解介紹六十多種經典早餐，並推薦各地值得一吃的好店。',
    motif: 'book',
    variants: [{ sku: 'BOK-TBF-PB', titleEn: 'Paperback', titleZh: '平裝', priceMinor: 1600, stock: 45 }],
  },

  // ── Voltline Accessories ──────────────────────────────────────────────────
  {
    handle: 'aria-anc-wireless-headphones',
    merchant: 'voltline',
    category: 'electronics',
    kind: 'GOODS',
    titleEn: 'Aria ANC Wireless Headphones',
    titleZh: 'Aria 主動降噪無線耳機',
    descriptionEn:
      'Over-ear headphones with adaptive noise cancelling and up to 40 hours of battery life. They fold flat into the included hard case.',
    descriptionZh:
      '耳罩式主動降噪耳機，可依環境自動調整降噪強度，續航力長達 40 小時，可折疊收入隨附的硬殼收納盒。',
    motif: 'headphones',
    variants: [
      { sku: 'ELC-ARA-BLK', titleEn: 'Midnight black', titleZh: '午夜黑', priceMinor: 12900, stock: 25 },
      { sku: 'ELC-ARA-WHT', titleEn: 'Cloud white', titleZh: '雲朵白', priceMinor: 12900, stock: 14 },
    ],
  },
  {
    handle: 'pebble-true-wireless-earbuds',
    merchant: 'voltline',
    category: 'electronics',
    kind: 'GOODS',
    titleEn: 'Pebble True Wireless Earbuds',
    titleZh: 'Pebble 真無線藍牙耳機',
    descriptionEn:
      'Compact earbuds with Bluetooth 5.3, IPX5 sweat resistance and a wireless charging case. Up to 8 hours of playback per charge.',
    descriptionZh: '小巧的真無線耳機，支援藍牙 5.3 與 IPX5 防汗，充電盒可無線充電，單次充電可播放 8 小時。',
    motif: 'headphones',
    variants: [
      { sku: 'ELC-PBL-GRY', titleEn: 'Graphite', titleZh: '石墨灰', priceMinor: 5900, stock: 40 },
      { sku: 'ELC-PBL-GRN', titleEn: 'Sage', titleZh: '鼠尾草綠', priceMinor: 5900, stock: 28 },
      { sku: 'ELC-PBL-PNK', titleEn: 'Blush', titleZh: '霧粉', priceMinor: 5900, stock: 3 },
    ],
  },
  {
    handle: 'braided-usb-c-cable',
    merchant: 'voltline',
    category: 'electronics',
    kind: 'GOODS',
    titleEn: 'Braided USB-C to USB-C Cable',
    titleZh: '編織 USB-C 快充傳輸線',
    descriptionEn: 'A nylon-braided cable rated for 100 W charging and 10 Gbps data, tested to 20,000 bends.',
    descriptionZh: '尼龍編織外被，支援 100W 快充與 10Gbps 資料傳輸，並通過兩萬次彎折測試。',
    motif: 'cable',
    variants: [
      { sku: 'ELC-CBL-1M', titleEn: '1 m', titleZh: '1 公尺', priceMinor: 1500, stock: 150 },
      { sku: 'ELC-CBL-2M', titleEn: '2 m', titleZh: '2 公尺', priceMinor: 1900, stock: 110 },
    ],
  },
  {
    handle: 'gan-fast-charger-65w',
    merchant: 'voltline',
    category: 'electronics',
    kind: 'GOODS',
    titleEn: '65 W GaN Fast Charger',
    titleZh: '65W 氮化鎵快充充電器',
    descriptionEn:
      'Two USB-C ports and one USB-A in a charger the size of a matchbox. Powers a laptop and a phone at the same time.',
    descriptionZh: '火柴盒大小的充電器，提供兩個 USB-C 與一個 USB-A 插孔，可同時為筆電與手機充電。',
    motif: 'cable',
    variants: [
      { sku: 'ELC-GAN-WHT', titleEn: 'White', titleZh: '白色', priceMinor: 3900, stock: 70 },
      { sku: 'ELC-GAN-BLK', titleEn: 'Black', titleZh: '黑色', priceMinor: 3900, stock: 55 },
    ],
  },
  {
    handle: 'magnetic-power-bank-10000',
    merchant: 'voltline',
    category: 'electronics',
    kind: 'GOODS',
    titleEn: 'Magnetic Power Bank 10,000 mAh',
    titleZh: '磁吸行動電源 10000mAh',
    descriptionEn:
      'Snaps onto the back of your phone for wireless charging on the go, with a USB-C port for everything else. Approved for airline carry-on.',
    descriptionZh: '磁吸於手機背面即可隨時無線充電，另有 USB-C 孔可為其他裝置充電。符合航空隨身攜帶規定。',
    motif: 'cable',
    variants: [{ sku: 'ELC-PWB-10K', titleEn: 'Standard', titleZh: '標準款', priceMinor: 4900, stock: 45 }],
  },
  {
    handle: 'led-desk-lamp-wireless-charger',
    merchant: 'voltline',
    category: 'electronics',
    kind: 'GOODS',
    titleEn: 'LED Desk Lamp with Wireless Charger',
    titleZh: '無線充電 LED 護眼檯燈',
    descriptionEn:
      'A flicker-free LED desk lamp with five colour temperatures and a Qi charging pad built into the base.',
    descriptionZh: '無頻閃 LED 檯燈，提供五段色溫調整，底座內建 Qi 無線充電板。',
    motif: 'lamp',
    variants: [
      { sku: 'ELC-LMP-WHT', titleEn: 'White', titleZh: '白色', priceMinor: 6900, stock: 20 },
      { sku: 'ELC-LMP-GRY', titleEn: 'Space grey', titleZh: '太空灰', priceMinor: 6900, stock: 18 },
    ],
  },
  {
    handle: 'merino-felt-laptop-sleeve',
    merchant: 'voltline',
    category: 'electronics',
    kind: 'GOODS',
    titleEn: 'Merino Felt Laptop Sleeve',
    titleZh: '美麗諾羊毛氈筆電保護套',
    descriptionEn:
      'Thick merino wool felt cushions your laptop, and a front pocket holds the charger and cables.',
    descriptionZh: '厚實的美麗諾羊毛氈為筆電提供緩衝保護，前方口袋可收納充電器與線材。',
    motif: 'bag',
    variants: [
      { sku: 'ELC-SLV-13', titleEn: '13 inch', titleZh: '13 吋', priceMinor: 3400, stock: 30 },
      { sku: 'ELC-SLV-14', titleEn: '14 inch', titleZh: '14 吋', priceMinor: 3600, stock: 25 },
      { sku: 'ELC-SLV-16', titleEn: '16 inch', titleZh: '16 吋', priceMinor: 3900, stock: 10 },
    ],
  },

  // ── Harbor Bridge Consulting ──────────────────────────────────────────────
  {
    handle: 'export-compliance-consultation',
    merchant: 'harbor-bridge-consulting',
    category: 'consulting',
    kind: 'SERVICE',
    titleEn: 'Export Compliance Consultation',
    titleZh: '出口合規諮詢',
    descriptionEn:
      'A one-to-one video call with a licensed customs broker who reviews your product classification, export controls and shipping documents. Written notes follow within two working days.',
    descriptionZh:
      '由持證報關專員透過視訊一對一檢視您的貨品分類、出口管制與出貨文件，並於兩個工作天內提供書面重點摘要。',
    motif: 'shield',
    variants: [
      { sku: 'SVC-EXP-30', titleEn: '30 minutes', titleZh: '30 分鐘', priceMinor: 6000, stock: null },
      { sku: 'SVC-EXP-60', titleEn: '60 minutes', titleZh: '60 分鐘', priceMinor: 11000, stock: null },
    ],
  },
  {
    handle: 'market-entry-report',
    merchant: 'harbor-bridge-consulting',
    category: 'consulting',
    kind: 'SERVICE',
    titleEn: 'Market-Entry Report',
    titleZh: '市場進入評估報告',
    descriptionEn:
      'A research report on your target market covering demand, competitors, regulation and pricing, ending with a clear go-to-market recommendation. Delivered within 15 working days.',
    descriptionZh:
      '針對目標市場的研究報告，涵蓋市場需求、競爭對手、法規與定價分析，並提出具體的進入策略建議。於 15 個工作天內交付。',
    motif: 'globe',
    variants: [
      {
        sku: 'SVC-MER-STD',
        titleEn: 'Standard (one country)',
        titleZh: '標準版（單一國家）',
        priceMinor: 18000,
        stock: null,
      },
      {
        sku: 'SVC-MER-PRO',
        titleEn: 'Premium (up to three countries)',
        titleZh: '進階版（最多三個國家）',
        priceMinor: 45000,
        stock: null,
      },
    ],
  },
  {
    handle: 'business-tax-filing-review',
    merchant: 'harbor-bridge-consulting',
    category: 'consulting',
    kind: 'SERVICE',
    titleEn: 'Business Tax Filing Review',
    titleZh: '營業稅申報審閱',
    descriptionEn:
      'A certified accountant checks your bi-monthly VAT return or annual corporate income tax return before you file, flagging errors and missed deductions.',
    descriptionZh: '由合格會計師在您送件前審閱雙月營業稅申報或年度營所稅結算申報，指出錯誤與遺漏的扣抵項目。',
    motif: 'calculator',
    variants: [
      {
        sku: 'SVC-TAX-VAT',
        titleEn: 'Bi-monthly VAT return',
        titleZh: '雙月營業稅申報',
        priceMinor: 8000,
        stock: null,
      },
      {
        sku: 'SVC-TAX-CIT',
        titleEn: 'Annual corporate income tax',
        titleZh: '年度營利事業所得稅',
        priceMinor: 22000,
        stock: null,
      },
    ],
  },
  {
    handle: 'company-setup-consultation',
    merchant: 'harbor-bridge-consulting',
    category: 'consulting',
    kind: 'SERVICE',
    titleEn: 'Company Setup Consultation',
    titleZh: '公司設立諮詢',
    descriptionEn:
      'Compare company types, capital requirements and registration steps for setting up in Taiwan, including the options open to foreign founders.',
    descriptionZh: '比較在台灣設立公司的組織型態、資本額需求與登記流程，並說明外籍創辦人可選擇的方案。',
    motif: 'briefcase',
    variants: [
      { sku: 'SVC-SET-60', titleEn: '60 minutes', titleZh: '60 分鐘', priceMinor: 9500, stock: null },
    ],
  },
  {
    handle: 'cross-border-ecommerce-strategy',
    merchant: 'harbor-bridge-consulting',
    category: 'consulting',
    kind: 'SERVICE',
    titleEn: 'Cross-Border E-commerce Strategy Session',
    titleZh: '跨境電商策略諮詢',
    descriptionEn:
      'Work through marketplace selection, logistics, payments and listing localisation with a consultant who has launched brands on Amazon, Shopee and Rakuten.',
    descriptionZh: '與曾協助品牌進駐 Amazon、蝦皮與樂天的顧問，一起規劃平台選擇、物流、金流與商品頁在地化。',
    motif: 'chat',
    variants: [
      { sku: 'SVC-XEC-60', titleEn: '60 minutes', titleZh: '60 分鐘', priceMinor: 12000, stock: null },
      { sku: 'SVC-XEC-90', titleEn: '90 minutes', titleZh: '90 分鐘', priceMinor: 16500, stock: null },
    ],
  },
  {
    handle: 'financial-model-health-check',
    merchant: 'harbor-bridge-consulting',
    category: 'consulting',
    kind: 'SERVICE',
    titleEn: 'Financial Model Health Check',
    titleZh: '財務模型健檢',
    descriptionEn:
      'Send us your spreadsheet and we will stress-test the assumptions, fix formula errors and return an annotated copy, followed by a 45-minute walkthrough call.',
    descriptionZh:
      '提供您的試算表，我們會檢驗各項假設、修正公式錯誤，交付附註解的版本，並安排 45 分鐘的說明會議。',
    motif: 'chart',
    variants: [
      { sku: 'SVC-FIN-STD', titleEn: 'Standard', titleZh: '標準方案', priceMinor: 25000, stock: null },
    ],
  },
  {
    handle: 'trademark-filing-guidance',
    merchant: 'harbor-bridge-consulting',
    category: 'consulting',
    kind: 'SERVICE',
    titleEn: 'Trademark Filing Guidance',
    titleZh: '商標申請輔導',
    descriptionEn:
      'Find out whether your brand name can be registered, choose the right classes of goods and services, and prepare the application with our IP specialist.',
    descriptionZh: '由智慧財產專員協助評估品牌名稱能否註冊、選擇正確的商品及服務類別，並備妥申請文件。',
    motif: 'shield',
    variants: [
      { sku: 'SVC-TMK-TW', titleEn: 'Taiwan', titleZh: '台灣', priceMinor: 15000, stock: null },
      {
        sku: 'SVC-TMK-TWJP',
        titleEn: 'Taiwan and Japan',
        titleZh: '台灣與日本',
        priceMinor: 28000,
        stock: null,
      },
    ],
  },
  {
    handle: 'exporting-from-taiwan-handbook',
    merchant: 'harbor-bridge-consulting',
    category: 'books',
    kind: 'GOODS',
    titleEn: 'Exporting from Taiwan: A Practical Handbook',
    titleZh: '台灣出口實務手冊',
    descriptionEn:
      'Step-by-step guidance on HS codes, certificates of origin, Incoterms and letters of credit, with sample forms you can adapt.',
    descriptionZh: '逐步說明 HS 貨品分類、產地證明、國貿條規與信用狀，並附可直接套用的範例表單。',
    motif: 'book',
    variants: [
      { sku: 'BOK-EXP-PB', titleEn: 'Paperback', titleZh: '平裝', priceMinor: 3200, stock: 35 },
      { sku: 'BOK-EXP-HC', titleEn: 'Hardcover', titleZh: '精裝', priceMinor: 4800, stock: 8 },
    ],
  },
  {
    handle: 'incoterms-desk-reference-card',
    merchant: 'harbor-bridge-consulting',
    category: 'books',
    kind: 'GOODS',
    titleEn: 'Incoterms 2020 Desk Reference Card',
    titleZh: '國貿條規 2020 速查卡',
    descriptionEn:
      'A laminated A4 card summarising all eleven Incoterms rules: who pays for freight, who insures the goods and where the risk passes.',
    descriptionZh: '護貝 A4 速查卡，清楚整理十一種國貿條規：運費由誰負擔、由誰投保，以及風險在何處移轉。',
    motif: 'chart',
    variants: [
      { sku: 'BOK-INC-1', titleEn: 'Single card', titleZh: '單張', priceMinor: 900, stock: 100 },
      { sku: 'BOK-INC-5', titleEn: 'Pack of 5', titleZh: '5 張組', priceMinor: 3600, stock: 40 },
    ],
  },
];
