/* html_text.c — small text helpers of the HTML module.
 *
 * UTF-8 decoding of already validated text, Unicode white space and
 * invisible characters, white-space collapsing (the CSS "normal" rule: any
 * run of spaces becomes one space), ASCII case-insensitive comparisons and
 * the stop-word lists behind the stop-word density feature (jusText's idea:
 * prose is full of function words, boilerplate is not).
 *
 * The stop-word lists are short, hand-written lists of the most frequent
 * function words of seven languages, stored as an open-addressing table
 * (FNV-1a hash, linear probing, 1024 slots) so that a lookup costs one hash
 * and usually one comparison. The table was generated offline from the
 * lists; a word may belong to several languages (its value is a bit set).
 */
#include <stdlib.h>
#include <string.h>

#include "html.h"

uint32_t html_utf8_next(const unsigned char **pp, const unsigned char *end) {
  const unsigned char *p = *pp;
  uint32_t c = *p++;
  if (c >= 0xC0 && p < end) {
    int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
    c &= n == 3 ? 0x07 : n == 2 ? 0x0F : 0x1F;
    while (n-- > 0 && p < end && (*p & 0xC0) == 0x80)
      c = (c << 6) | (*p++ & 0x3F);
  }
  *pp = p;
  return c;
}

int html_is_space_cp(uint32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 9 && cp <= 13);
  return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0x85;
}

int html_is_invisible_cp(uint32_t cp) {
  return cp == 0x200B || cp == 0xFEFF || cp == 0xAD || cp == 0x2060 ||
         cp == 0x200E || cp == 0x200F || cp == 0x180E;
}

precis_status html_put_collapsed(buf *b, const char *s, size_t len) {
  const unsigned char *p = (const unsigned char *)s, *end = p + len;
  int space = 0, any = 0;
  precis_status st = PRECIS_OK;
  while (p < end && st == PRECIS_OK) {
    const unsigned char *q = p;
    if (*p < 0x80) {
      if (*p == ' ' || (*p >= 9 && *p <= 13)) {
        space = 1;
        p++;
        continue;
      }
      /* run of plain ASCII */
      while (q < end && *q < 0x80 && *q != ' ' && !(*q >= 9 && *q <= 13)) q++;
    } else {
      uint32_t cp = html_utf8_next(&q, end);
      if (html_is_space_cp(cp)) {
        space = 1;
        p = q;
        continue;
      }
      if (html_is_invisible_cp(cp)) {
        p = q;
        continue;
      }
    }
    if (space && any) st = buf_putc(b, ' ');
    if (st == PRECIS_OK) st = buf_put(b, (const char *)p, (size_t)(q - p));
    space = 0;
    any = 1;
    p = q;
  }
  return st;
}

char *html_clean_dup(const char *s, size_t len, size_t max) {
  buf b = BUF_INIT;
  if (!s) return NULL;
  if (html_put_collapsed(&b, s, len) != PRECIS_OK || b.len == 0) {
    buf_free(&b);
    return NULL;
  }
  if (b.len > max) {
    size_t n = max;
    while (n > 0 && ((unsigned char)b.ptr[n] & 0xC0) == 0x80) n--;
    b.len = n;
    b.ptr[n] = '\0';
  }
  return buf_detach(&b, NULL);
}

int html_strncaseeq(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
    if (x >= 'A' && x <= 'Z') x = (unsigned char)(x + 32);
    if (y >= 'A' && y <= 'Z') y = (unsigned char)(y + 32);
    if (x != y) return 0;
    if (!x) return 1;
  }
  return 1;
}

int html_strcaseeq(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  return la == lb && html_strncaseeq(a, b, la);
}

const char *html_memcasemem(const char *s, size_t len, const char *needle) {
  size_t n = strlen(needle);
  if (n == 0) return s;
  for (size_t i = 0; i + n <= len; i++)
    if (html_strncaseeq(s + i, needle, n)) return s + i;
  return NULL;
}

typedef struct stop_entry {
  const char *w;
  unsigned char langs;
} stop_entry;

static const stop_entry stop_tab[1024] = {
    [3] = {"wieder", 2}, [4] = {"damit", 2}, [5] = {"doing", 1},
    [6] = {"han", 8}, [7] = {"mesmo", 32}, [8] = {"these", 1},
    [10] = {"above", 1}, [14] = {"herself", 1}, [16] = {"it", 1},
    [17] = {"peu", 4}, [18] = {"ces", 4}, [19] = {"sans", 4},
    [20] = {"do", 33}, [21] = {"gli", 16}, [22] = {"toute", 4},
    [23] = {"so", 3}, [24] = {"\303\251t\303\251", 4}, [26] = {"than", 1},
    [27] = {"aan", 64}, [28] = {"les", 12}, [31] = {"mais", 36},
    [32] = {"einen", 2}, [36] = {"to", 1}, [39] = {"nog", 64},
    [40] = {"dan", 64}, [42] = {"le", 28}, [43] = {"para", 40},
    [44] = {"should", 1}, [45] = {"those", 1}, [47] = {"what", 1},
    [49] = {"even", 1}, [50] = {"io", 16}, [51] = {"cet", 4},
    [52] = {"einer", 2}, [55] = {"hoe", 64}, [57] = {"oder", 2},
    [59] = {"sul", 16}, [60] = {"ne", 20}, [62] = {"could", 1},
    [71] = {"bien", 4}, [72] = {"elle", 4}, [76] = {"schon", 2},
    [77] = {"any", 1}, [78] = {"are", 1}, [79] = {"encore", 4},
    [85] = {"pela", 32}, [86] = {"da", 50}, [88] = {"where", 1},
    [89] = {"sa", 4}, [91] = {"ma", 16}, [92] = {"sua", 48},
    [97] = {"come", 16}, [98] = {"donde", 8}, [99] = {"haben", 2},
    [102] = {"ta", 4}, [103] = {"their", 1}, [104] = {"of", 65},
    [105] = {"keine", 2}, [106] = {"stato", 16}, [108] = {"lo", 24},
    [109] = {"hers", 1}, [110] = {"geen", 64}, [111] = {"leur", 4},
    [112] = {"pi\303\271", 16}, [113] = {"some", 1}, [114] = {"wurden", 2},
    [117] = {"from", 1}, [118] = {"ser", 40}, [121] = {"ao", 32},
    [122] = {"through", 1}, [124] = {"meer", 64}, [125] = {"mehr", 2},
    [128] = {"auch", 2}, [129] = {"be", 1}, [132] = {"contra", 8},
    [135] = {"moins", 4}, [137] = {"never", 1}, [138] = {"not", 1},
    [139] = {"om", 64}, [140] = {"sowie", 2}, [141] = {"as", 33},
    [142] = {"how", 1}, [143] = {"eu", 32}, [144] = {"ya", 8},
    [148] = {"by", 1}, [149] = {"yet", 1}, [155] = {"est\303\241n", 8},
    [156] = {"you", 1}, [161] = {"themselves", 1}, [163] = {"como", 40},
    [164] = {"hanno", 16}, [165] = {"hatte", 2}, [167] = {"est", 4},
    [168] = {"at\303\251", 32}, [169] = {"neither", 1}, [170] = {"op", 64},
    [171] = {"among", 1}, [172] = {"nos", 44}, [173] = {"que", 44},
    [174] = {"s\303\243o", 32}, [177] = {"che", 16}, [178] = {"otro", 8},
    [184] = {"aus", 2}, [190] = {"bin", 2}, [191] = {"alla", 16},
    [193] = {"\303\251", 32}, [196] = {"once", 1},
    [199] = {"hab\303\255a", 8}, [200] = {"um", 34}, [201] = {"della", 16},
    [202] = {"noch", 2}, [203] = {"his", 1}, [205] = {"los", 8},
    [206] = {"while", 1}, [207] = {"\303\274ber", 2}, [216] = {"sem", 32},
    [217] = {"aux", 4}, [218] = {"einem", 2}, [219] = {"niet", 64},
    [224] = {"cette", 4}, [225] = {"ci", 16}, [226] = {"which", 1},
    [231] = {"pour", 4}, [232] = {"might", 1}, [238] = {"di", 16},
    [241] = {"si", 28}, [242] = {"below", 1}, [243] = {"though", 1},
    [244] = {"sui", 16}, [247] = {"ich", 2}, [248] = {"avait", 4},
    [249] = {"kann", 2}, [250] = {"often", 1}, [252] = {"sie", 2},
    [253] = {"sulla", 16}, [255] = {"they", 1}, [259] = {"m\303\252me", 4},
    [262] = {"dies", 2}, [263] = {"doch", 2}, [264] = {"tamb\303\251m", 32},
    [265] = {"zu", 2}, [266] = {"muy", 8}, [267] = {"im", 2},
    [269] = {"tem", 32}, [272] = {"etwa", 2}, [274] = {"zij", 64},
    [277] = {"down", 1}, [278] = {"era", 56}, [279] = {"mit", 2},
    [281] = {"when", 1}, [284] = {"said", 1}, [287] = {"ein", 2},
    [294] = {"sobre", 8}, [296] = {"each", 1}, [300] = {"a", 61},
    [301] = {"shall", 1}, [302] = {"une", 4}, [303] = {"voor", 64},
    [304] = {"were", 1}, [306] = {"most", 1}, [309] = {"bis", 2},
    [313] = {"gegen", 2}, [314] = {"nas", 32}, [318] = {"did", 1},
    [327] = {"isso", 32}, [329] = {"m\303\241s", 8}, [331] = {"con", 24},
    [335] = {"again", 1}, [336] = {"until", 1}, [338] = {"uma", 32},
    [339] = {"am", 3}, [348] = {"diesem", 2}, [349] = {"having", 1},
    [350] = {"such", 1}, [351] = {"there", 1}, [352] = {"cual", 8},
    [353] = {"j\303\241", 32}, [354] = {"vor", 2}, [355] = {"would", 1},
    [357] = {"can", 1}, [358] = {"este", 40}, [359] = {"h\303\241", 32},
    [360] = {"zwischen", 2}, [361] = {"es", 10}, [362] = {"itself", 1},
    [367] = {"sous", 4}, [368] = {"der", 2}, [369] = {"seu", 32},
    [370] = {"du", 4}, [371] = {"tras", 8}, [372] = {"uno", 24},
    [373] = {"von", 2}, [374] = {"then", 1}, [378] = {"o\303\271", 4},
    [380] = {"much", 1}, [381] = {"sono", 16}, [382] = {"denn", 2},
    [383] = {"ours", 1}, [384] = {"sein", 2}, [385] = {"seine", 2},
    [386] = {"ihr", 2}, [388] = {"or", 1}, [390] = {"dat", 64},
    [391] = {"may", 1}, [392] = {"at", 1}, [394] = {"en", 76},
    [395] = {"heeft", 64}, [396] = {"around", 1}, [397] = {"her", 1},
    [398] = {"will", 1}, [401] = {"dei", 16}, [403] = {"although", 1},
    [407] = {"deze", 64}, [413] = {"aber", 2}, [414] = {"however", 1},
    [415] = {"since", 1}, [416] = {"eles", 32}, [417] = {"sont", 4},
    [418] = {"uit", 64}, [420] = {"dass", 2}, [421] = {"dalla", 16},
    [422] = {"fait", 4}, [423] = {"per", 16}, [431] = {"nella", 16},
    [432] = {"does", 1}, [433] = {"dela", 32}, [434] = {"wenn", 2},
    [435] = {"ist", 2}, [439] = {"est\303\241", 8}, [440] = {"soll", 2},
    [445] = {"myself", 1}, [448] = {"desde", 8}, [452] = {"i", 17},
    [454] = {"qui", 4}, [455] = {"auf", 2}, [456] = {"eines", 2},
    [457] = {"after", 1}, [458] = {"whom", 1}, [459] = {"here", 1},
    [461] = {"hier", 2}, [462] = {"suo", 16}, [463] = {"nei", 16},
    [464] = {"veel", 64}, [466] = {"worden", 64}, [468] = {"questa", 16},
    [469] = {"quien", 8}, [470] = {"tout", 4}, [474] = {"tambi\303\251n", 8},
    [476] = {"elles", 4}, [478] = {"la", 28}, [479] = {"ela", 32},
    [480] = {"more", 1}, [481] = {"she", 1}, [483] = {"without", 1},
    [484] = {"durante", 8}, [485] = {"ese", 8}, [495] = {"one", 1},
    [496] = {"na", 32}, [497] = {"nel", 16}, [498] = {"porque", 40},
    [499] = {"tot", 64}, [500] = {"was", 67}, [501] = {"other", 1},
    [502] = {"avec", 4}, [503] = {"only", 1}, [504] = {"\303\252tre", 4},
    [505] = {"few", 1}, [507] = {"ella", 8}, [508] = {"non", 16},
    [509] = {"suas", 32}, [511] = {"zum", 2}, [514] = {"ha", 24},
    [515] = {"poco", 8}, [518] = {"if", 1}, [521] = {"quando", 48},
    [522] = {"foram", 32}, [523] = {"off", 1}, [527] = {"over", 65},
    [528] = {"sue", 16}, [529] = {"too", 1}, [530] = {"dort", 2},
    [531] = {"wat", 64}, [532] = {"another", 1}, [533] = {"diesen", 2},
    [534] = {"either", 1}, [535] = {"questo", 16}, [538] = {"sich", 2},
    [540] = {"the", 1}, [541] = {"essa", 32}, [543] = {"sehr", 2},
    [544] = {"degli", 16}, [547] = {"een", 64}, [548] = {"naar", 64},
    [549] = {"dos", 32}, [553] = {"met", 64}, [557] = {"vom", 2},
    [562] = {"dann", 2}, [563] = {"fue", 8}, [564] = {"zijn", 64},
    [569] = {"why", 1}, [571] = {"same", 1}, [574] = {"about", 1},
    [575] = {"algo", 8}, [576] = {"das", 34}, [580] = {"weil", 2},
    [582] = {"tra", 16}, [585] = {"viel", 2}, [586] = {"del", 24},
    [589] = {"sin", 8}, [590] = {"thus", 1}, [591] = {"perch\303\251", 16},
    [593] = {"ils", 4}, [594] = {"sus", 8}, [602] = {"un", 28},
    [607] = {"just", 1}, [608] = {"out", 1}, [612] = {"el", 8},
    [613] = {"chi", 16}, [614] = {"het", 64}, [616] = {"par", 4},
    [617] = {"with", 1}, [622] = {"dit", 64}, [627] = {"alle", 16},
    [629] = {"plus", 4}, [631] = {"notre", 4}, [635] = {"son", 12},
    [637] = {"ik", 64}, [638] = {"nicht", 2}, [641] = {"this", 1},
    [648] = {"during", 1}, [649] = {"ni", 8}, [651] = {"qu", 4},
    [652] = {"sind", 2}, [653] = {"uns", 2}, [655] = {"who", 1},
    [657] = {"pero", 8}, [658] = {"had", 65}, [659] = {"my", 1},
    [661] = {"ce", 4}, [670] = {"in", 83}, [671] = {"o", 56},
    [672] = {"sido", 8}, [674] = {"both", 1}, [675] = {"de", 108},
    [676] = {"durch", 2}, [677] = {"ihre", 2}, [678] = {"and", 1},
    [679] = {"me", 109}, [680] = {"se", 60}, [681] = {"van", 64},
    [682] = {"vous", 4}, [683] = {"wordt", 64}, [684] = {"f\303\274r", 2},
    [685] = {"kan", 64}, [686] = {"your", 1}, [688] = {"sia", 16},
    [690] = {"te", 96}, [692] = {"ob", 2}, [694] = {"least", 1},
    [703] = {"werd", 64}, [707] = {"been", 1}, [713] = {"als", 66},
    [714] = {"ante", 8}, [715] = {"bei", 2}, [716] = {"perhaps", 1},
    [717] = {"under", 1}, [719] = {"loro", 16}, [720] = {"anche", 16},
    [721] = {"die", 66}, [722] = {"several", 1}, [723] = {"tous", 4},
    [724] = {"zich", 64}, [725] = {"him", 1}, [728] = {"esto", 8},
    [729] = {"diese", 2}, [734] = {"com", 32}, [736] = {"e", 56},
    [737] = {"n\303\243o", 32}, [738] = {"ses", 4}, [739] = {"una", 24},
    [740] = {"whether", 1}, [742] = {"an", 3}, [746] = {"agli", 16},
    [750] = {"fueron", 8}, [753] = {"tanto", 8}, [756] = {"avoir", 4},
    [757] = {"y", 12}, [758] = {"por", 40}, [759] = {"now", 1},
    [760] = {"mas", 32}, [764] = {"et", 4}, [768] = {"against", 1},
    [771] = {"des", 6}, [772] = {"every", 1}, [773] = {"whose", 1},
    [776] = {"being", 1}, [778] = {"bij", 64}, [779] = {"cuando", 8},
    [780] = {"nu", 64}, [781] = {"todos", 8}, [782] = {"eine", 2},
    [783] = {"zur", 2}, [785] = {"tr\303\250s", 4}, [789] = {"delle", 16},
    [790] = {"ever", 1}, [791] = {"is", 65}, [792] = {"nor", 1},
    [793] = {"os", 32}, [795] = {"au", 4}, [800] = {"up", 1},
    [801] = {"very", 1}, [803] = {"into", 1}, [804] = {"den", 2},
    [805] = {"sei", 18}, [807] = {"himself", 1}, [808] = {"must", 1},
    [809] = {"door", 64}, [810] = {"nous", 4}, [811] = {"wird", 2},
    [812] = {"ont", 4}, [813] = {"that", 1}, [814] = {"within", 1},
    [815] = {"\303\250", 16}, [817] = {"dieser", 2}, [824] = {"hun", 64},
    [825] = {"our", 1}, [826] = {"leurs", 4}, [827] = {"wie", 2},
    [829] = {"bereits", 2}, [830] = {"before", 1}, [831] = {"otra", 8},
    [832] = {"unter", 2}, [833] = {"dans", 4}, [838] = {"nun", 2},
    [839] = {"rather", 1}, [841] = {"lui", 4}, [842] = {"upon", 1},
    [843] = {"waren", 2}, [846] = {"dal", 16}, [849] = {"tutti", 16},
    [850] = {"also", 1}, [851] = {"ellos", 8}, [855] = {"las", 8},
    [856] = {"zal", 64}, [858] = {"jedoch", 2}, [859] = {"because", 1},
    [860] = {"nur", 2}, [872] = {"aussi", 4}, [875] = {"onder", 64},
    [877] = {"wir", 2}, [879] = {"almost", 1}, [880] = {"between", 1},
    [881] = {"man", 2}, [884] = {"maar", 64}, [888] = {"il", 20},
    [891] = {"pelo", 32}, [892] = {"theirs", 1}, [893] = {"todo", 8},
    [895] = {"pu\303\262", 16}, [899] = {"nem", 32}, [901] = {"war", 2},
    [908] = {"but", 1}, [912] = {"for", 1}, [915] = {"ele", 32},
    [916] = {"nach", 2}, [918] = {"molto", 16}, [919] = {"donc", 4},
    [920] = {"esa", 8}, [921] = {"ook", 64}, [922] = {"und", 2},
    [923] = {"yours", 1}, [927] = {"ai", 4}, [929] = {"hay", 8},
    [930] = {"many", 1}, [935] = {"entre", 40}, [937] = {"we", 65},
    [945] = {"foi", 32}, [946] = {"esta", 40}, [948] = {"essere", 16},
    [950] = {"he", 1}, [952] = {"less", 1}, [953] = {"seus", 32},
    [956] = {"hasta", 8}, [957] = {"mes", 4}, [958] = {"aos", 32},
    [959] = {"muito", 32}, [960] = {"al", 88}, [961] = {"own", 1},
    [962] = {"hat", 2}, [963] = {"mi", 8}, [964] = {"all", 1},
    [965] = {"comme", 4}, [966] = {"voc\303\252", 32}, [967] = {"werden", 2},
    [968] = {"je", 68}, [969] = {"wurde", 2}, [976] = {"hij", 64},
    [977] = {"esse", 32}, [978] = {"on", 5}, [981] = {"su", 24},
    [982] = {"er", 66}, [984] = {"ze", 64}, [985] = {"its", 1},
    [986] = {"us", 1}, [989] = {"dem", 2}, [995] = {"has", 1},
    [996] = {"them", 1}, [997] = {"sur", 4}, [1001] = {"further", 1},
    [1002] = {"says", 1}, [1009] = {"ou", 36}, [1011] = {"ohne", 2},
    [1014] = {"kein", 2}, [1015] = {"em", 32}, [1018] = {"no", 41},
    [1019] = {"have", 1}, [1020] = {"pas", 4}, [1021] = {"dele", 32},
};

unsigned html_stopword(const char *w, size_t len) {
  uint32_t h = 2166136261u;
  if (len == 0 || len > 12) return 0;
  for (size_t i = 0; i < len; i++) {
    h ^= (unsigned char)w[i];
    h *= 16777619u;
  }
  for (size_t i = h & 1023u;; i = (i + 1) & 1023u) {
    const char *e = stop_tab[i].w;
    if (!e) return 0;
    if (strncmp(e, w, len) == 0 && e[len] == '\0') return stop_tab[i].langs;
  }
}
