// Country data: how each country is spelled, its cities and subdivisions, its phone numbering, its
// company naming (stems, descriptors, legal forms) and its consumer mail domains. Regions are
// weighted roughly like the contact mix of an international B2B Pardot account.
#include "samples/generate_internal.h"

namespace pdc::generate {
namespace {

// Tables are packed several entries per line by hand; automatic formatting would put one per line.
// clang-format off

// --- Legal forms -------------------------------------------------------------------------------
constexpr LegalForm kInc{"Inc.|Inc|, Inc.|Incorporated|INC"};
constexpr LegalForm kLlc{"LLC|L.L.C.|, LLC|Llc"};
constexpr LegalForm kCorp{"Corp.|Corporation|Corp|CORP"};
constexpr LegalForm kLtd{"Ltd|Ltd.|Limited|LTD"};
constexpr LegalForm kPlc{"plc|PLC|Public Limited Company"};
constexpr LegalForm kGmbh{"GmbH|GMBH|Gmbh|G.m.b.H."};
constexpr LegalForm kAg{"AG|Aktiengesellschaft"};
constexpr LegalForm kGmbhCoKg{"GmbH & Co. KG|GmbH & Co KG|GmbH und Co. KG|GmbH + Co. KG"};
constexpr LegalForm kSe{"SE|S.E."};
constexpr LegalForm kSa{"SA|S.A."};
constexpr LegalForm kSas{"SAS|S.A.S."};
constexpr LegalForm kSarl{"SARL|S.A.R.L.|Sàrl|Sarl"};
constexpr LegalForm kSl{"S.L.|SL|Sociedad Limitada"};
constexpr LegalForm kSaDeCv{"S.A. de C.V.|SA de CV|S.A. DE C.V."};
constexpr LegalForm kLda{"Lda.|Lda|Limitada"};
constexpr LegalForm kLtda{"Ltda.|LTDA|Ltda"};
constexpr LegalForm kSpa{"S.p.A.|SpA|SPA"};
constexpr LegalForm kSrl{"S.r.l.|Srl|SRL"};
constexpr LegalForm kBv{"B.V.|BV|Besloten Vennootschap"};
constexpr LegalForm kNv{"N.V.|NV"};
constexpr LegalForm kSpZoo{"Sp. z o.o.|sp. z o.o.|Sp. z.o.o.|Spółka z o.o."};
constexpr LegalForm kAe{"A.E.|AE|S.A."};
constexpr LegalForm kAeNative{"Α.Ε."};
constexpr LegalForm kOooLatin{"LLC|OOO|O.O.O."};
constexpr LegalForm kOooNative{"ООО", true};
constexpr LegalForm kCoLtd{"Co., Ltd.|Co. Ltd.|Co., Ltd|Company Limited|CO., LTD."};
constexpr LegalForm kCnNative{"有限公司", false, true};
constexpr LegalForm kKk{"K.K.|KK|Kabushiki Kaisha|Co., Ltd."};
constexpr LegalForm kKkNative{"株式会社", true, true};
constexpr LegalForm kPtyLtd{"Pty Ltd|Pty. Ltd.|PTY LTD|Proprietary Limited"};
constexpr LegalForm kPvtLtd{"Pvt. Ltd.|Pvt Ltd|Private Limited|(P) Ltd"};
constexpr LegalForm kAb{"AB|Aktiebolag"};
constexpr LegalForm kOy{"Oy|OY|Osakeyhtiö"};
constexpr LegalForm kFzLlc{"FZ-LLC|FZ LLC|FZE|L.L.C."};
constexpr LegalForm kArNative{"ذ.م.م"};

constexpr const LegalForm* kUsForms[] = {&kInc, &kLlc, &kCorp};
constexpr const LegalForm* kGbForms[] = {&kLtd, &kPlc, &kLlc};
constexpr const LegalForm* kCaForms[] = {&kInc, &kLtd, &kCorp};
constexpr const LegalForm* kAuForms[] = {&kPtyLtd, &kLtd};
constexpr const LegalForm* kDeForms[] = {&kGmbh, &kAg, &kGmbhCoKg, &kSe};
constexpr const LegalForm* kChForms[] = {&kAg, &kGmbh, &kSa, &kSarl};
constexpr const LegalForm* kFrForms[] = {&kSas, &kSa, &kSarl};
constexpr const LegalForm* kEsForms[] = {&kSl, &kSa};
constexpr const LegalForm* kMxForms[] = {&kSaDeCv, &kSa};
constexpr const LegalForm* kPtForms[] = {&kLda, &kSa};
constexpr const LegalForm* kBrForms[] = {&kLtda, &kSa};
constexpr const LegalForm* kItForms[] = {&kSrl, &kSpa};
constexpr const LegalForm* kNlForms[] = {&kBv, &kNv};
constexpr const LegalForm* kPlForms[] = {&kSpZoo, &kSa};
constexpr const LegalForm* kGrForms[] = {&kAe};
constexpr const LegalForm* kRuForms[] = {&kOooLatin};
constexpr const LegalForm* kCnForms[] = {&kCoLtd};
constexpr const LegalForm* kJpForms[] = {&kKk};
constexpr const LegalForm* kAeForms[] = {&kFzLlc, &kLlc};
constexpr const LegalForm* kInForms[] = {&kPvtLtd, &kLtd};
constexpr const LegalForm* kSeForms[] = {&kAb};
constexpr const LegalForm* kFiForms[] = {&kOy};

// --- Phone ranges ------------------------------------------------------------------------------
constexpr NumberRange Range(std::string_view area, int digits, std::string_view groups,
                            std::string_view first = "23456789") {
  return {.area = area, .subscriber_digits = digits, .groups = groups, .first_digits = first};
}
constexpr NumberRange Parens(std::string_view area, int digits, std::string_view groups,
                             std::string_view first = "23456789") {
  return {.area = area,
          .subscriber_digits = digits,
          .groups = groups,
          .parens = true,
          .first_digits = first};
}
constexpr NumberRange Nanp(std::string_view area) { return Parens(area, 7, "334"); }
constexpr NumberRange Mobile(std::string_view area, int digits, std::string_view groups,
                             std::string_view first = "0123456789", bool trunk = true) {
  return {.area = area,
          .subscriber_digits = digits,
          .groups = groups,
          .first_digits = first,
          .trunk = trunk};
}

// --- United States -----------------------------------------------------------------------------
constexpr City kUsCities[] = {
    {"New York|NYC|New York City|new york", "NY", Nanp("212")},
    {"Brooklyn", "NY", Nanp("718")},
    {"San Francisco|SF|San Fran", "CA", Nanp("415")},
    {"San Jose", "CA", Nanp("408")},
    {"Los Angeles|LA|L.A.", "CA", Nanp("213")},
    {"San Diego", "CA", Nanp("619")},
    {"Chicago", "IL", Nanp("312")},
    {"Boston", "MA", Nanp("617")},
    {"Seattle", "WA", Nanp("206")},
    {"Austin", "TX", Nanp("512")},
    {"Dallas", "TX", Nanp("214")},
    {"Houston", "TX", Nanp("713")},
    {"Denver", "CO", Nanp("303")},
    {"Atlanta", "GA", Nanp("404")},
    {"Miami", "FL", Nanp("305")},
    {"Phoenix", "AZ", Nanp("602")},
    {"Philadelphia|Philly", "PA", Nanp("215")},
    {"Pittsburgh", "PA", Nanp("412")},
    {"Minneapolis", "MN", Nanp("612")},
    {"Raleigh", "NC", Nanp("919")},
    {"Salt Lake City|SLC", "UT", Nanp("801")},
    {"Portland", "OR", Nanp("503")},
    {"Nashville", "TN", Nanp("615")},
    {"Columbus", "OH", Nanp("614")},
    {"Detroit", "MI", Nanp("313")},
    {"Arlington", "VA", Nanp("703")},
    {"Jersey City", "NJ", Nanp("201")},
    {"Washington|Washington DC|Washington, D.C.", "DC", Nanp("202")},
};
constexpr std::string_view kUsStates[] = {
    "NY|New York|N.Y.", "CA|California|Calif.", "IL|Illinois|Ill.", "MA|Massachusetts|Mass.",
    "WA|Washington|Wash.", "TX|Texas|Tex.", "CO|Colorado|Colo.", "GA|Georgia|Ga.",
    "FL|Florida|Fla.", "AZ|Arizona|Ariz.", "PA|Pennsylvania|Penn.", "MN|Minnesota|Minn.",
    "NC|North Carolina|N.C.", "UT|Utah|Ut.", "OR|Oregon|Ore.", "TN|Tennessee|Tenn.", "OH|Ohio|O.",
    "MI|Michigan|Mich.", "VA|Virginia|Va.", "NJ|New Jersey|N.J.", "DC|District of Columbia|D.C.",
};
constexpr CultureShare kUsCultures[] = {
    {&kEnglish, 68}, {&kGaelic, 5}, {&kSpanish, 8},  {&kChinese, 4}, {&kIndian, 7}, {&kGerman, 2},
    {&kItalian, 2},  {&kArabic, 1}, {&kJapanese, 1}, {&kPolish, 1},  {&kRussian, 1}};
constexpr NameEntry kUsStems[] = {
    {"Acme|ACME"}, {"Northwind"}, {"Summit"}, {"Pinnacle"}, {"Blue Ridge|BlueRidge"}, {"Harbor"},
    {"Redwood"}, {"Keystone"}, {"Lakeside"}, {"Granite"}, {"Ironwood"}, {"Northstar|North Star"},
    {"Silverline"}, {"BrightPath|Bright Path"}, {"Evergreen"}, {"Clearwater"}, {"Liberty"},
    {"Frontier"}, {"Cascade"}, {"Sterling"}, {"Horizon"}, {"Apex"}, {"Beacon"}, {"Riverbend"},
    {"Trident"}, {"Cobalt"}, {"Juniper"}, {"Vertex"}, {"Crescent"}, {"Falcon"},
    {"Oakridge|Oak Ridge"}, {"Bluebird"}, {"Meridian"}, {"Sentinel"}, {"Stonebridge"},
    {"Westfield"}, {"Copperline"}, {"Brightwater"}, {"Highland"}, {"Pacific Rim"}, {"Ridgeline"},
    {"Lone Star"}, {"Prairie Wind"},
};
constexpr NameEntry kEnglishDescriptors[] = {
    {"Systems"}, {"Technologies|Technology|Tech"}, {"Solutions"}, {"Logistics"}, {"Consulting"},
    {"Analytics"}, {"Software"}, {"Partners"}, {"Health|Healthcare"}, {"Capital"},
    {"Manufacturing|Mfg"}, {"Labs|Laboratories"}, {"Networks"}, {"Media"}, {"Foods"}, {"Energy"},
    {"Group"}, {"Holdings"}, {"Industries"}, {"Insurance"}, {"Robotics"}, {"Engineering"},
    {"Digital"}, {"Financial"}, {"Data"}, {"Security"}, {"Medical"}, {"Pharmaceuticals|Pharma"},
    {"Construction"}, {"Marketing"}, {"Ventures"}, {"Trading"},
};
constexpr KnownCompany kUsKnown[] = {
    {{"Acme|ACME"}, &kInc, "acme.com"},
    {{"Globex"}, &kCorp, "globex.com"},
    {{"Initech"}, &kLlc, "initech.com"},
};
constexpr std::string_view kUsFreeMail =
    "gmail.com|yahoo.com|outlook.com|hotmail.com|icloud.com|aol.com|proton.me|comcast.net|msn.com|"
    "live.com";

// --- United Kingdom ----------------------------------------------------------------------------
constexpr City kGbCities[] = {
    {"London", "England|Greater London", Range("20", 8, "244", "378")},
    {"Manchester", "England|Greater Manchester", Range("161", 7, "334")},
    {"Birmingham", "England|West Midlands", Range("121", 7, "334")},
    {"Leeds", "England|West Yorkshire", Range("113", 7, "334")},
    {"Bristol", "England", Range("117", 7, "334")},
    {"Cambridge", "England|Cambridgeshire", Range("1223", 6, "46")},
    {"Edinburgh|Dùn Èideann", "Scotland", Range("131", 7, "334")},
    {"Glasgow", "Scotland", Range("141", 7, "334")},
    {"Cardiff|Caerdydd", "Wales", Range("29", 8, "244")},
    {"Belfast", "Northern Ireland|N. Ireland", Range("28", 8, "244", "9")},
};
constexpr NumberRange kGbMobile[] = {Mobile("7", 9, "46", "456789")};
constexpr CultureShare kGbCultures[] = {{&kEnglish, 72}, {&kGaelic, 12}, {&kIndian, 8},
                                        {&kPolish, 3},   {&kArabic, 2},  {&kChinese, 2},
                                        {&kFrench, 1}};
constexpr NameEntry kGbStems[] = {
    {"Thames"},    {"Pennine"}, {"Cotswold"}, {"Albion"},   {"Kingsbridge"}, {"Harrow"},
    {"Windsor"},   {"Mersey"},  {"Severn"},   {"Chiltern"}, {"Brunel"},      {"Sherwood"},
    {"Highgate"},  {"Camden"},  {"Avon"},     {"Marlow"},   {"Ashford"},     {"Blackfriars"},
    {"Northwind"}, {"Summit"},  {"Keystone"}, {"Meridian"},
};

// --- Canada ------------------------------------------------------------------------------------
constexpr City kCaCities[] = {
    {"Toronto", "ON", Nanp("416")},
    {"Vancouver", "BC", Nanp("604")},
    {"Montréal|Montreal", "QC", Nanp("514")},
    {"Calgary", "AB", Nanp("403")},
    {"Ottawa", "ON", Nanp("613")},
    {"Edmonton", "AB", Nanp("780")},
    {"Québec|Quebec City|Québec City", "QC", Nanp("418")},
    {"Winnipeg", "MB", Nanp("204")},
    {"Halifax", "NS", Nanp("902")},
};
constexpr std::string_view kCaStates[] = {
    "ON|Ontario|Ont.",  "BC|British Columbia|B.C.", "QC|Quebec|Québec|PQ",
    "AB|Alberta|Alta.", "MB|Manitoba|Man.",         "NS|Nova Scotia|N.S.",
};
constexpr CultureShare kCaCultures[] = {
    {&kEnglish, 68}, {&kFrench, 16}, {&kChinese, 6}, {&kIndian, 6}, {&kGaelic, 4}};
constexpr NameEntry kCaStems[] = {
    {"Maple"},           {"Laurentian"}, {"Tundra"}, {"Prairie"}, {"Great Lakes"},
    {"Northern Lights"}, {"Fraser"},     {"Rideau"}, {"Boreal"},  {"Cariboo"},
    {"Algonquin"},       {"Polaris"},    {"Summit"}, {"Horizon"},
};

// --- Australia ---------------------------------------------------------------------------------
constexpr City kAuCities[] = {
    {"Sydney", "NSW", Parens("2", 8, "144", "89")},
    {"Melbourne", "VIC", Parens("3", 8, "144", "89")},
    {"Brisbane", "QLD", Parens("7", 8, "144", "3")},
    {"Perth", "WA", Parens("8", 8, "144", "69")},
    {"Adelaide", "SA", Parens("8", 8, "144", "8")},
    {"Canberra", "ACT", Parens("2", 8, "144", "6")},
};
constexpr std::string_view kAuStates[] = {
    "NSW|New South Wales|N.S.W.", "VIC|Victoria|Vic.",       "QLD|Queensland|Qld",
    "WA|Western Australia|W.A.",  "SA|South Australia|S.A.", "ACT|Australian Capital Territory",
};
constexpr NumberRange kAuMobile[] = {Mobile("4", 8, "333")};
constexpr CultureShare kAuCultures[] = {{&kEnglish, 74}, {&kGaelic, 6}, {&kChinese, 8},
                                        {&kIndian, 5},   {&kGreek, 3},  {&kItalian, 4}};
constexpr NameEntry kAuStems[] = {
    {"Southern Cross"}, {"Coral"},          {"Outback"},  {"Eucalypt"},
    {"Harbourside"},    {"Wattle"},         {"Banksia"},  {"Kookaburra"},
    {"Murray"},         {"Sunshine Coast"}, {"Ironbark"}, {"Redgum"},
};

// --- Ireland -----------------------------------------------------------------------------------
constexpr City kIeCities[] = {
    {"Dublin|Baile Átha Cliath", "Co. Dublin|County Dublin", Range("1", 7, "134")},
    {"Cork|Corcaigh", "Co. Cork", Range("21", 7, "234")},
    {"Galway|Gaillimh", "Co. Galway", Range("91", 7, "234")},
    {"Limerick", "Co. Limerick", Range("61", 7, "234")},
};
constexpr NumberRange kIeMobile[] = {Mobile("8", 8, "234", "35679")};
constexpr CultureShare kIeCultures[] = {{&kGaelic, 70}, {&kEnglish, 24}, {&kPolish, 6}};
constexpr NameEntry kIeStems[] = {
    {"Shamrock"}, {"Liffey"},  {"Emerald"}, {"Atlantic"}, {"Celtic"},
    {"Shannon"},  {"Wicklow"}, {"Burren"},  {"Connacht"}, {"Clontarf"},
};

// --- Germany, Austria, Switzerland -------------------------------------------------------------
constexpr City kDeCities[] = {
    {"Berlin", "Berlin|BE", Range("30", 8, "28")},
    {"München|Munich|Muenchen", "Bayern|Bavaria|BY", Range("89", 7, "27")},
    {"Hamburg", "Hamburg|HH", Range("40", 6, "26")},
    {"Frankfurt am Main|Frankfurt|Frankfurt a. M.", "Hessen|Hesse", Range("69", 7, "27")},
    {"Köln|Cologne|Koeln", "Nordrhein-Westfalen|NRW", Range("221", 7, "37")},
    {"Stuttgart", "Baden-Württemberg|BW", Range("711", 7, "37")},
    {"Düsseldorf|Duesseldorf|Dusseldorf", "NRW|Nordrhein-Westfalen", Range("211", 6, "36")},
    {"Leipzig", "Sachsen|Saxony", Range("341", 7, "37")},
    {"Nürnberg|Nuremberg|Nuernberg", "Bayern", Range("911", 6, "36")},
};
constexpr NumberRange kDeMobile[] = {Mobile("151", 8, "38"), Mobile("160", 7, "37"),
                                     Mobile("171", 7, "37"), Mobile("176", 8, "38")};
constexpr CultureShare kDeCultures[] = {{&kGerman, 84}, {&kPolish, 4},  {&kGreek, 2},
                                        {&kItalian, 3}, {&kRussian, 3}, {&kArabic, 2},
                                        {&kEnglish, 2}};
constexpr NameEntry kDeStems[] = {
    {"Nordlicht"},      {"Alpen"}, {"Rhein"},          {"Elbe"},
    {"Schwarzwald"},    {"Sonnenschein"}, {"Weitblick"},      {"Isar"},
    {"Havel"},          {"Mainblick"}, {"Süd|Sued"},       {"Nordstern"},
    {"Bergwerk"},       {"Eichenhof"}, {"Kranich"},        {"Adler"},
    {"Lindenhof"},      {"Brückner|Brueckner"}, {"Müller|Mueller"}, {"Schäfer|Schaefer"},
    {"Weber"},          {"Hoffmann"}, {"Groß|Gross"},
};
constexpr NameEntry kGermanDescriptors[] = {
    {"Maschinenbau"}, {"Logistik"}, {"Software"}, {"Beratung|Consulting"}, {"Technik"},
    {"Handel|Handelsgesellschaft"}, {"Bau"}, {"Elektrotechnik|Elektro"}, {"Automotive"},
    {"Systeme"}, {"Medizintechnik"}, {"Versicherung"}, {"Immobilien"}, {"Werkzeugbau"},
    {"Anlagenbau"}, {"Verpackung"}, {"IT-Service|IT Service|IT-Services"}, {"Holding"},
    {"Metallbau"}, {"Gebäudetechnik|Gebaeudetechnik"},
};
constexpr KnownCompany kDeKnown[] = {
    {{"Siemens"}, &kAg, "siemens.com"},
    {{"Robert Bosch|Bosch"}, &kGmbh, "bosch.com"},
    {{"SAP"}, &kSe, "sap.com"},
};
constexpr std::string_view kDeTitles[] = {
    "Geschäftsführer|Geschaeftsfuehrer|GF|Geschäftsführung",
    "Vertriebsleiter|Leiter Vertrieb|Leiter Vertrieb & Marketing",
    "Leiter Einkauf|Einkaufsleiter|Leitung Einkauf",
    "Marketingleiterin|Leiterin Marketing|Marketing-Leiterin",
    "Softwareentwickler|Software-Entwickler|Entwickler",
    "Prokurist|Prokuristin",
    "Key Account Manager|KAM|Key-Account-Manager",
    "IT-Leiter|Leiter IT|IT Leiter",
    "Werkstudent|Werkstudentin",
};

constexpr City kAtCities[] = {
    {"Wien|Vienna", "Wien|W", Range("1", 7, "17")},
    {"Graz", "Steiermark|Styria", Range("316", 6, "36")},
    {"Linz", "Oberösterreich|Upper Austria", Range("732", 6, "36")},
    {"Salzburg", "Salzburg", Range("662", 6, "36")},
    {"Innsbruck", "Tirol|Tyrol", Range("512", 6, "36")},
};
constexpr NumberRange kAtMobile[] = {Mobile("664", 7, "37"), Mobile("676", 7, "37")};
constexpr CultureShare kAtCultures[] = {
    {&kGerman, 90}, {&kPolish, 4}, {&kEnglish, 3}, {&kItalian, 3}};
constexpr NameEntry kAtStems[] = {
    {"Donau"},   {"Alpen"},   {"Tirol"},      {"Wienerwald"},         {"Kärnten|Kaernten"},
    {"Steirer"}, {"Salzach"}, {"Vorarlberg"}, {"Edelweiß|Edelweiss"},
};

constexpr City kChCities[] = {
    {"Zürich|Zurich|Zuerich", "ZH|Zürich", Range("44", 7, "2322")},
    {"Genève|Geneva|Genf", "GE|Genève", Range("22", 7, "2322")},
    {"Basel|Bâle", "BS|Basel-Stadt", Range("61", 7, "2322")},
    {"Bern|Berne", "BE|Bern", Range("31", 7, "2322")},
    {"Lugano", "TI|Ticino", Range("91", 7, "2322")},
    {"Lausanne", "VD|Vaud", Range("21", 7, "2322")},
};
constexpr NumberRange kChMobile[] = {Mobile("79", 7, "2322"), Mobile("78", 7, "2322"),
                                     Mobile("76", 7, "2322")};
constexpr CultureShare kChCultures[] = {
    {&kGerman, 58}, {&kFrench, 24}, {&kItalian, 14}, {&kEnglish, 4}};
constexpr NameEntry kChStems[] = {
    {"Helvetia"}, {"Alpstein"},       {"Matterhorn"}, {"Jura"},     {"Léman|Leman"},
    {"Rigi"},     {"Säntis|Saentis"}, {"Bodensee"},   {"Gotthard"},
};

// --- France ------------------------------------------------------------------------------------
constexpr City kFrCities[] = {
    {"Paris", "Île-de-France|Ile-de-France|IDF", Range("1", 8, "12222")},
    {"Lyon", "Auvergne-Rhône-Alpes", Range("4", 8, "12222", "7")},
    {"Marseille", "Provence-Alpes-Côte d'Azur|PACA", Range("4", 8, "12222", "9")},
    {"Toulouse", "Occitanie", Range("5", 8, "12222", "6")},
    {"Lille", "Hauts-de-France", Range("3", 8, "12222", "2")},
    {"Nantes", "Pays de la Loire", Range("2", 8, "12222", "4")},
    {"Bordeaux", "Nouvelle-Aquitaine", Range("5", 8, "12222", "5")},
    {"Strasbourg", "Grand Est|Alsace", Range("3", 8, "12222", "8")},
};
constexpr NumberRange kFrMobile[] = {Mobile("6", 8, "12222"), Mobile("7", 8, "12222", "5678")};
constexpr CultureShare kFrCultures[] = {
    {&kFrench, 84}, {&kArabic, 8}, {&kSpanish, 3}, {&kPortuguese, 3}, {&kItalian, 2}};
constexpr NameEntry kFrStems[] = {
    {"Horizon"}, {"Lumière|Lumiere"}, {"Azur"},     {"Atlantique"},    {"Provence"},
    {"Loire"},   {"Étoile|Etoile"},   {"Bellevue"}, {"Rivoli"},        {"Montmartre"},
    {"Mistral"}, {"Garonne"},         {"Vercors"},  {"Océane|Oceane"}, {"Hexagone"},
    {"Dubois"},  {"Lefèvre|Lefevre"},
};
constexpr NameEntry kFrenchDescriptors[] = {
    {"Conseil"},      {"Technologies"}, {"Logistique"},      {"Industries"},
    {"Solutions"},    {"Services"},     {"Distribution"},    {"Ingénierie|Ingenierie"},
    {"Informatique"}, {"Assurances"},   {"Énergie|Energie"}, {"Transports"},
    {"Immobilier"},   {"Consulting"},   {"Groupe"},
};
constexpr KnownCompany kFrKnown[] = {
    {{"Société Générale|Societe Generale|Société générale"}, &kSa, "societegenerale.com"},
    {{"L'Oréal|L’Oréal|LOreal|L'Oreal"}, &kSa, "loreal.com"},
    {{"Crédit Agricole|Credit Agricole"}, &kSa, "credit-agricole.com"},
};
constexpr std::string_view kFrTitles[] = {
    "Directeur Commercial|Directeur commercial|Dir. Commercial",
    "Responsable Marketing|Resp. Marketing|Responsable marketing",
    "Président-Directeur Général|PDG|P.D.G.|Président Directeur Général",
    "Chef de projet|Chef de Projet|Cheffe de projet",
    "Ingénieur logiciel|Ingenieur logiciel|Développeur",
    "Directeur Général|DG|Directeur general",
    "Responsable des achats|Acheteur|Resp. Achats",
};

// --- Spain, Mexico, Portugal, Brazil -----------------------------------------------------------
constexpr City kEsCities[] = {
    {"Madrid", "Comunidad de Madrid|Madrid", Range("91", 7, "333")},
    {"Barcelona", "Cataluña|Catalunya|Catalonia", Range("93", 7, "333")},
    {"Valencia|València", "Comunidad Valenciana", Range("96", 7, "333")},
    {"Sevilla|Seville", "Andalucía|Andalucia", Range("95", 7, "333", "4")},
    {"Bilbao", "País Vasco|Euskadi", Range("94", 7, "333", "4")},
    {"Málaga|Malaga", "Andalucía", Range("95", 7, "333", "2")},
    {"A Coruña|La Coruña|A Coruna", "Galicia", Range("981", 6, "333")},
};
constexpr NumberRange kEsMobile[] = {Mobile("6", 8, "333"), Mobile("7", 8, "333", "1234")};
constexpr CultureShare kEsCultures[] = {
    {&kSpanish, 90}, {&kEnglish, 3}, {&kArabic, 3}, {&kPortuguese, 2}, {&kFrench, 2}};
constexpr NameEntry kEsStems[] = {
    {"Ibérica|Iberica"}, {"Mediterránea|Mediterranea"}, {"Sol"}, {"Levante"},
    {"Cantábrica|Cantabrica"}, {"Atlántica|Atlantica"}, {"Andaluza"}, {"Meseta"}, {"Ebro"},
    {"Guadalquivir"}, {"Castellana"}, {"Pirineos"}, {"Alhambra"},
};
constexpr NameEntry kSpanishDescriptors[] = {
    {"Soluciones"}, {"Tecnología|Tecnologia"}, {"Logística|Logistica"}, {"Consultores"},
    {"Servicios"}, {"Ingeniería|Ingenieria"}, {"Construcciones"}, {"Alimentación|Alimentacion"},
    {"Energía|Energia"}, {"Sistemas"}, {"Grupo"}, {"Distribuciones"}, {"Inmobiliaria"},
};
constexpr KnownCompany kEsKnown[] = {
    {{"Telefónica|Telefonica"}, &kSa, "telefonica.com"},
};
constexpr std::string_view kSpanishTitles[] = {
    "Director Comercial|Dir. Comercial|Directora Comercial",
    "Gerente de Ventas|Gte. de Ventas|Gerente Ventas",
    "Director General|Director Gral.|Dir. General",
    "Jefe de Proyecto|Jefa de Proyecto|Jefe de proyectos",
    "Ingeniero de Software|Ing. de Software|Desarrollador",
    "Responsable de Compras|Jefe de Compras",
};

constexpr City kMxCities[] = {
    {"Ciudad de México|Ciudad de Mexico|CDMX|Mexico City|México D.F.", "CDMX|Ciudad de México",
     Range("55", 8, "244")},
    {"Guadalajara", "Jalisco|Jal.", Range("33", 8, "244")},
    {"Monterrey", "Nuevo León|Nuevo Leon|N.L.", Range("81", 8, "244")},
    {"Puebla", "Puebla|Pue.", Range("222", 7, "334")},
    {"Tijuana", "Baja California|B.C.", Range("664", 7, "334")},
};
constexpr CultureShare kMxCultures[] = {{&kSpanish, 95}, {&kEnglish, 5}};
constexpr NameEntry kMxStems[] = {
    {"Azteca"}, {"Sierra Madre"}, {"Maya"}, {"Pacífico|Pacifico"}, {"Norteña|Nortena"}, {"Jalisco"},
    {"Anáhuac|Anahuac"}, {"Quetzal"}, {"Baja"},
};

constexpr City kPtCities[] = {
    {"Lisboa|Lisbon", "Lisboa", Range("21", 7, "333")},
    {"Porto|Oporto", "Porto", Range("22", 7, "333")},
    {"Braga", "Braga", Range("253", 6, "333")},
    {"Coimbra", "Coimbra", Range("239", 6, "333")},
    {"Faro", "Algarve|Faro", Range("289", 6, "333")},
};
constexpr NumberRange kPtMobile[] = {Mobile("91", 7, "333"), Mobile("93", 7, "333"),
                                     Mobile("96", 7, "333")};
constexpr CultureShare kPtCultures[] = {{&kPortuguese, 92}, {&kSpanish, 4}, {&kEnglish, 4}};
constexpr NameEntry kPtStems[] = {
    {"Lusitana"}, {"Atlântico|Atlantico"}, {"Tejo"},     {"Douro"}, {"Algarve"},  {"Minho"},
    {"Estrela"},  {"Alentejo"}, {"Sintra"},
};
constexpr NameEntry kPortugueseDescriptors[] = {
    {"Soluções|Solucoes"}, {"Tecnologia"}, {"Logística|Logistica"}, {"Consultoria"},
    {"Serviços|Servicos"}, {"Engenharia"}, {"Sistemas"}, {"Comércio|Comercio"}, {"Alimentos"},
    {"Energia"}, {"Participações|Participacoes"}, {"Transportes"},
};
constexpr std::string_view kPortugueseTitles[] = {
    "Diretor Comercial|Dir. Comercial|Diretora Comercial",
    "Gerente de Vendas|Gerente Vendas",
    "Diretor Geral|Diretor-Geral",
    "Engenheiro de Software|Eng. de Software|Desenvolvedor",
    "Analista de Marketing|Analista Mkt",
    "Gerente de Compras|Comprador",
};

constexpr City kBrCities[] = {
    {"São Paulo|Sao Paulo|SP|S. Paulo", "SP|São Paulo", Parens("11", 8, "244", "2345")},
    {"Rio de Janeiro|Rio", "RJ|Rio de Janeiro", Parens("21", 8, "244", "2345")},
    {"Belo Horizonte|BH", "MG|Minas Gerais", Parens("31", 8, "244", "2345")},
    {"Curitiba", "PR|Paraná", Parens("41", 8, "244", "2345")},
    {"Porto Alegre", "RS|Rio Grande do Sul", Parens("51", 8, "244", "2345")},
    {"Brasília|Brasilia", "DF|Distrito Federal", Parens("61", 8, "244", "2345")},
    {"Recife", "PE|Pernambuco", Parens("81", 8, "244", "2345")},
};
constexpr NumberRange kBrMobile[] = {
    {.area = "119",
     .subscriber_digits = 8,
     .groups = "254",
     .parens = true,
     .first_digits = "6789"},
    {.area = "219",
     .subscriber_digits = 8,
     .groups = "254",
     .parens = true,
     .first_digits = "6789"},
    {.area = "319",
     .subscriber_digits = 8,
     .groups = "254",
     .parens = true,
     .first_digits = "6789"},
    {.area = "419",
     .subscriber_digits = 8,
     .groups = "254",
     .parens = true,
     .first_digits = "6789"},
};
constexpr CultureShare kBrCultures[] = {
    {&kPortuguese, 88}, {&kItalian, 4}, {&kJapanese, 3}, {&kGerman, 3}, {&kArabic, 2}};
constexpr NameEntry kBrStems[] = {
    {"Paulista"}, {"Carioca"},   {"Amazônia|Amazonia"}, {"BrasilSul|Brasil Sul"},
    {"Cerrado"},  {"Ipiranga"},  {"Guanabara"},         {"Tietê|Tiete"},
    {"Pampa"},    {"Horizonte"},
};

// --- Italy, Netherlands, Poland, Greece ---------------------------------------------------------
constexpr City kItCities[] = {
    {"Roma|Rome", "Lazio|RM", Range("06", 8, "244", "0123456789")},
    {"Milano|Milan", "Lombardia|Lombardy|MI", Range("02", 8, "244", "0123456789")},
    {"Torino|Turin", "Piemonte|TO", Range("011", 7, "334", "0123456789")},
    {"Napoli|Naples", "Campania|NA", Range("081", 7, "334", "0123456789")},
    {"Firenze|Florence", "Toscana|FI", Range("055", 7, "334", "0123456789")},
    {"Bologna", "Emilia-Romagna|BO", Range("051", 7, "334", "0123456789")},
};
constexpr NumberRange kItMobile[] = {Mobile("3", 9, "334", "12345689")};
constexpr CultureShare kItCultures[] = {
    {&kItalian, 93}, {&kEnglish, 3}, {&kArabic, 2}, {&kGerman, 2}};
constexpr NameEntry kItStems[] = {
    {"Adriatica"}, {"Tirrena"}, {"Appennino"}, {"Lombarda"}, {"Dolomiti"}, {"Veneta"},  {"Toscana"},
    {"Etrusca"},   {"Padana"},  {"Vesuvio"},   {"Laguna"},   {"Arno"},     {"Brianza"},
};
constexpr NameEntry kItalianDescriptors[] = {
    {"Soluzioni"}, {"Tecnologie"},  {"Logistica"},  {"Consulenza"}, {"Servizi"},  {"Ingegneria"},
    {"Sistemi"},   {"Costruzioni"}, {"Alimentari"}, {"Meccanica"},  {"Impianti"}, {"Informatica"},
};
constexpr std::string_view kItalianTitles[] = {
    "Direttore Commerciale|Dir. Commerciale",
    "Responsabile Marketing|Resp. Marketing",
    "Amministratore Delegato|AD|A.D.",
    "Ingegnere del Software|Sviluppatore Software",
    "Responsabile Acquisti|Buyer",
};

constexpr City kNlCities[] = {
    {"Amsterdam", "Noord-Holland|North Holland|NH", Range("20", 7, "234")},
    {"Rotterdam", "Zuid-Holland|South Holland|ZH", Range("10", 7, "234")},
    {"Den Haag|The Hague|'s-Gravenhage", "Zuid-Holland", Range("70", 7, "234")},
    {"Utrecht", "Utrecht|UT", Range("30", 7, "234")},
    {"Eindhoven", "Noord-Brabant|North Brabant", Range("40", 7, "234")},
    {"Groningen", "Groningen", Range("50", 7, "234")},
};
constexpr NumberRange kNlMobile[] = {Mobile("6", 8, "18", "12345")};
constexpr CultureShare kNlCultures[] = {
    {&kDutch, 84}, {&kArabic, 4}, {&kEnglish, 4}, {&kGerman, 4}, {&kIndian, 4}};
constexpr NameEntry kNlStems[] = {
    {"Oranje"},     {"Delta"},  {"Polder"}, {"Noordzee"},  {"Tulp"},      {"Zuiderzee"},
    {"Molenwaard"}, {"Veluwe"}, {"Amstel"}, {"Dijkzicht"}, {"Waddenzee"},
};
constexpr NameEntry kDutchDescriptors[] = {
    {"Techniek"}, {"Logistiek"}, {"Advies"},      {"Installatietechniek"},
    {"Software"}, {"Bouw"},      {"Handel"},      {"Groep"},
    {"Diensten"}, {"Systemen"},  {"Consultancy"}, {"Transport"},
};
constexpr std::string_view kDutchTitles[] = {
    "Directeur|Algemeen Directeur|Dir.",
    "Verkoopmanager|Salesmanager|Verkoop Manager",
    "Inkoper|Inkoopmanager",
    "Marketingmanager|Marketing Manager",
    "Projectleider|Projectmanager",
};

constexpr City kPlCities[] = {
    {"Warszawa|Warsaw|Warschau", "mazowieckie|Masovian", Range("22", 7, "2322")},
    {"Kraków|Krakow|Cracow", "małopolskie|Lesser Poland", Range("12", 7, "2322")},
    {"Wrocław|Wroclaw", "dolnośląskie|Lower Silesian", Range("71", 7, "2322")},
    {"Poznań|Poznan", "wielkopolskie", Range("61", 7, "2322")},
    {"Gdańsk|Gdansk|Danzig", "pomorskie|Pomeranian", Range("58", 7, "2322")},
    {"Łódź|Lodz", "łódzkie", Range("42", 7, "2322")},
};
constexpr NumberRange kPlMobile[] = {Mobile("5", 8, "333"), Mobile("6", 8, "333"),
                                     Mobile("7", 8, "333"), Mobile("8", 8, "333")};
constexpr CultureShare kPlCultures[] = {{&kPolish, 95}, {&kEnglish, 3}, {&kGerman, 2}};
constexpr NameEntry kPlStems[] = {
    {"Wisła|Wisla"}, {"Bałtyk|Baltyk"}, {"Tatry"}, {"Mazowsze"}, {"Orzeł|Orzel"},
    {"Warta"},       {"Karpaty"},       {"Odra"},  {"Pomorze"},  {"Jantar"},
};
constexpr NameEntry kPolishDescriptors[] = {
    {"Technologie"}, {"Logistyka"},   {"Usługi|Uslugi"}, {"Systemy"}, {"Budownictwo"},
    {"Doradztwo"},   {"Informatyka"}, {"Handel"},        {"Energia"}, {"Transport"},
};
constexpr std::string_view kPolishTitles[] = {
    "Dyrektor Sprzedaży|Dyrektor Sprzedazy|Dyr. Sprzedaży",
    "Kierownik Projektu|Kierownik projektu",
    "Prezes Zarządu|Prezes Zarzadu|Prezes",
    "Specjalista ds. Marketingu|Specjalista ds. marketingu",
    "Programista|Inżynier Oprogramowania",
};

constexpr City kGrCities[] = {
    {"Αθήνα|Athens|Athina", "Αττική|Attica", Range("21", 8, "37")},
    {"Θεσσαλονίκη|Thessaloniki|Salonica", "Κεντρική Μακεδονία|Central Macedonia",
     Range("231", 7, "37")},
    {"Πάτρα|Patras|Patra", "Δυτική Ελλάδα|Western Greece", Range("261", 7, "37")},
    {"Ηράκλειο|Heraklion|Iraklio", "Κρήτη|Crete", Range("281", 7, "37")},
};
constexpr NumberRange kGrMobile[] = {Mobile("69", 8, "37", "34789")};
constexpr CultureShare kGrCultures[] = {{&kGreek, 95}, {&kEnglish, 5}};
constexpr NameEntry kGrStems[] = {
    {"Αιγαίο|Aegean|Aigaio"}, {"Όλυμπος|Olympus|Olympos"},       {"Ερμής|Hermes|Ermis"},
    {"Ποσειδών|Poseidon"},    {"Ακρόπολις|Acropolis|Akropolis"}, {"Αθηνά|Athena|Athina"},
    {"Ιόνιο|Ionian|Ionio"},
};
constexpr std::string_view kGreekTitles[] = {
    "Διευθύνων Σύμβουλος|Managing Director|CEO", "Υπεύθυνος Πωλήσεων|Sales Manager",
};

// --- Russia, China, Japan, UAE, India ----------------------------------------------------------
constexpr City kRuCities[] = {
    {"Москва|Moscow|Moskva", "Москва|Moscow", Parens("495", 7, "3322")},
    {"Санкт-Петербург|Saint Petersburg|St. Petersburg|St Petersburg|СПб", "Санкт-Петербург",
     Parens("812", 7, "3322")},
    {"Новосибирск|Novosibirsk", "Новосибирская область", Parens("383", 7, "3322")},
    {"Екатеринбург|Yekaterinburg|Ekaterinburg", "Свердловская область", Parens("343", 7, "3322")},
    {"Казань|Kazan", "Татарстан|Tatarstan", Parens("843", 7, "3322")},
};
constexpr NumberRange kRuMobile[] = {Mobile("9", 9, "3322", "0123456789")};
constexpr CultureShare kRuCultures[] = {{&kRussian, 95}, {&kEnglish, 5}};
constexpr NameEntry kRuStems[] = {
    {"Ромашка|Romashka"}, {"Вектор|Vektor|Vector"}, {"Сибирь|Sibir|Siberia"}, {"Альфа|Alfa|Alpha"},
    {"Восток|Vostok"},    {"Гранит|Granit"},        {"Меридиан|Meridian"},    {"Стрела|Strela"},
    {"Байкал|Baikal"},    {"Волга|Volga"},
};
constexpr std::string_view kRussianTitles[] = {
    "Генеральный директор|General Director|Ген. директор|CEO",
    "Менеджер по продажам|Sales Manager",
    "Руководитель отдела маркетинга|Head of Marketing",
    "Программист|Разработчик|Developer",
};

constexpr City kCnCities[] = {
    {"北京|Beijing|Peking", "北京市|Beijing", Range("10", 8, "244")},
    {"上海|Shanghai", "上海市|Shanghai", Range("21", 8, "244")},
    {"深圳|Shenzhen", "广东|Guangdong", Range("755", 8, "344")},
    {"广州|Guangzhou|Canton", "广东|Guangdong", Range("20", 8, "244")},
    {"杭州|Hangzhou", "浙江|Zhejiang", Range("571", 8, "344")},
    {"成都|Chengdu", "四川|Sichuan", Range("28", 8, "244")},
};
constexpr NumberRange kCnMobile[] = {Mobile("13", 9, "344", "0123456789", false),
                                     Mobile("15", 9, "344", "0123456789", false),
                                     Mobile("18", 9, "344", "0123456789", false)};
constexpr CultureShare kCnCultures[] = {{&kChinese, 97}, {&kEnglish, 3}};
constexpr NameEntry kCnStems[] = {
    {"华信|Huaxin"},   {"中天|Zhongtian"}, {"金龙|Jinlong"}, {"恒达|Hengda"},   {"天河|Tianhe"},
    {"龙腾|Longteng"}, {"瑞丰|Ruifeng"},   {"新宇|Xinyu"},   {"东方|Dongfang"}, {"长城|Changcheng"},
};
constexpr NameEntry kAsiaDescriptors[] = {
    {"Technology|Tech"}, {"Trading"},
    {"Electronics"},     {"Industrial"},
    {"Software"},        {"Logistics"},
    {"Machinery"},       {"Pharmaceutical"},
    {"New Energy"},      {"Information Technology|IT"},
};
constexpr std::string_view kChineseTitles[] = {
    "总经理|General Manager|GM", "销售经理|Sales Manager", "工程师|Engineer|软件工程师",
    "市场总监|Marketing Director",
};

constexpr City kJpCities[] = {
    {"東京|Tokyo|Tōkyō", "東京都|Tokyo", Range("3", 8, "144")},
    {"大阪|Osaka|Ōsaka", "大阪府|Osaka", Range("6", 8, "144")},
    {"横浜|Yokohama", "神奈川県|Kanagawa", Range("45", 7, "234")},
    {"名古屋|Nagoya", "愛知県|Aichi", Range("52", 7, "234")},
    {"福岡|Fukuoka", "福岡県|Fukuoka", Range("92", 7, "234")},
    {"札幌|Sapporo", "北海道|Hokkaido", Range("11", 7, "234")},
    {"京都|Kyoto", "京都府|Kyoto", Range("75", 7, "234")},
};
constexpr NumberRange kJpMobile[] = {Mobile("90", 8, "244", "123456789"),
                                     Mobile("80", 8, "244", "123456789"),
                                     Mobile("70", 8, "244", "123456789")};
constexpr CultureShare kJpCultures[] = {{&kJapanese, 96}, {&kEnglish, 4}};
constexpr NameEntry kJpStems[] = {
    {"さくら|Sakura"}, {"富士|Fuji"},     {"大和|Yamato"}, {"光|Hikari"},   {"東海|Tokai"},
    {"関西|Kansai"},   {"日の出|Hinode"}, {"青空|Aozora"}, {"北斗|Hokuto"},
};
constexpr std::string_view kJapaneseTitles[] = {
    "営業部長|Sales Manager|Eigyo Bucho",
    "代表取締役|CEO|代表取締役社長",
    "エンジニア|Engineer|ソフトウェアエンジニア",
    "課長|Section Manager",
    "マーケティング担当|Marketing",
};

constexpr City kAeCities[] = {
    {"Dubai|دبي|Dubayy", "Dubai|DU", Range("4", 7, "134")},
    {"Abu Dhabi|أبو ظبي|Abu Zaby", "Abu Dhabi|AZ", Range("2", 7, "134")},
    {"Sharjah|الشارقة", "Sharjah|SH", Range("6", 7, "134")},
};
constexpr NumberRange kAeMobile[] = {Mobile("50", 7, "234"), Mobile("55", 7, "234"),
                                     Mobile("52", 7, "234")};
constexpr CultureShare kAeCultures[] = {
    {&kArabic, 58}, {&kIndian, 25}, {&kEnglish, 12}, {&kRussian, 3}, {&kGaelic, 2}};
constexpr NameEntry kAeStems[] = {
    {"Gulf"},  {"Al Noor|Alnoor|النور"}, {"Falcon"}, {"Oasis"},  {"Desert Rose"},
    {"Pearl"}, {"Al Waha|Alwaha"},       {"Dune"},   {"Marina"}, {"Emirates Star"},
};

constexpr City kInCities[] = {
    {"Mumbai|Bombay", "Maharashtra|MH", Range("22", 8, "244", "2346")},
    {"New Delhi|Delhi|नई दिल्ली", "Delhi|DL", Range("11", 8, "244", "2346")},
    {"Bengaluru|Bangalore", "Karnataka|KA", Range("80", 8, "244", "2346")},
    {"Chennai|Madras", "Tamil Nadu|TN", Range("44", 8, "244", "2346")},
    {"Hyderabad", "Telangana|TS", Range("40", 8, "244", "2346")},
    {"Pune", "Maharashtra|MH", Range("20", 8, "244", "2346")},
    {"Kolkata|Calcutta", "West Bengal|WB", Range("33", 8, "244", "2346")},
};
constexpr NumberRange kInMobile[] = {Mobile("9", 9, "55"), Mobile("8", 9, "55"),
                                     Mobile("7", 9, "55"), Mobile("6", 9, "55")};
constexpr CultureShare kInCultures[] = {{&kIndian, 97}, {&kEnglish, 3}};
constexpr NameEntry kInStems[] = {
    {"Lotus"}, {"Sai"},      {"Shree|Shri|Sri"}, {"Bharat"}, {"Kaveri|Cauvery"}, {"Surya"},
    {"Ganga"}, {"Sahyadri"}, {"Indus"},          {"Deccan"}, {"Navratna"},       {"Trishul"},
};

// --- Sweden, Finland ---------------------------------------------------------------------------
constexpr City kSeCities[] = {
    {"Stockholm", "Stockholms län", Range("8", 7, "1322")},
    {"Göteborg|Gothenburg|Goteborg", "Västra Götaland", Range("31", 7, "2322")},
    {"Malmö|Malmo", "Skåne|Skane", Range("40", 7, "2322")},
    {"Uppsala", "Uppsala län", Range("18", 6, "2222")},
};
constexpr NumberRange kSeMobile[] = {Mobile("70", 7, "2322"), Mobile("72", 7, "2322"),
                                     Mobile("73", 7, "2322"), Mobile("76", 7, "2322")};
constexpr CultureShare kSeCultures[] = {{&kNordic, 88}, {&kArabic, 6}, {&kEnglish, 6}};
constexpr NameEntry kSeStems[] = {
    {"Nordic"},      {"Fjäll|Fjall"},     {"Skog"}, {"Vasa"},    {"Norrland"},
    {"Mälar|Malar"}, {"Öresund|Oresund"}, {"Kust"}, {"Gotland"},
};
constexpr NameEntry kSwedishDescriptors[] = {
    {"Teknik"}, {"Logistik"}, {"Konsult"}, {"Bygg"}, {"Data"}, {"Invest"}, {"Systems"}, {"Energi"},
};
constexpr std::string_view kSwedishTitles[] = {
    "VD|Verkställande direktör|CEO",
    "Försäljningschef|Forsaljningschef|Sales Manager",
    "Inköpschef|Inkopschef",
};

constexpr City kFiCities[] = {
    {"Helsinki|Helsingfors", "Uusimaa|Nyland", Range("9", 7, "134")},
    {"Espoo|Esbo", "Uusimaa", Range("9", 7, "134")},
    {"Tampere|Tammerfors", "Pirkanmaa", Range("3", 7, "134")},
    {"Turku|Åbo", "Varsinais-Suomi", Range("2", 7, "134")},
    {"Oulu|Uleåborg", "Pohjois-Pohjanmaa", Range("8", 7, "134")},
};
constexpr NumberRange kFiMobile[] = {Mobile("40", 7, "234"), Mobile("50", 7, "234"),
                                     Mobile("45", 7, "234")};
constexpr CultureShare kFiCultures[] = {{&kNordic, 95}, {&kRussian, 5}};
constexpr NameEntry kFiStems[] = {
    {"Aurora"},  {"Sisu"},      {"Saimaa"},  {"Lappi"}, {"Kaleva"},
    {"Pohjola"}, {"Revontuli"}, {"Tunturi"}, {"Kide"},
};
constexpr NameEntry kFinnishDescriptors[] = {
    {"Tekniikka"}, {"Logistiikka"}, {"Konsultointi"}, {"Rakennus"},
    {"Systems"},   {"Energia"},     {"Palvelut"},
};
constexpr std::string_view kFinnishTitles[] = {
    "Toimitusjohtaja|TJ|CEO",
    "Myyntipäällikkö|Myyntipaallikko|Sales Manager",
};

// NANP cities carry their own area codes, so the mobile list is empty: US cell numbers use the
// same geographic area codes as landlines.
constexpr Region kRegions[] = {
    {.iso2 = "US",
     .country_spellings = "US|USA|United States|United States of America|U.S.A.|U.S.|America|usa",
     .weight = 28,
     .cultures = kUsCultures,
     .cities = kUsCities,
     .states = kUsStates,
     .phone =
         {.country_code = "1", .trunk = "", .area_separator = '-', .separator = '-', .nanp = true},
     .tld = "com",
     .legal_forms = kUsForms,
     .stems = kUsStems,
     .descriptors = kEnglishDescriptors,
     .known = kUsKnown,
     .free_mail = kUsFreeMail,
     .english = true},
    {.iso2 = "GB",
     .country_spellings = "GB|GBR|United Kingdom|UK|U.K.|England|Great Britain|Scotland|Britain",
     .weight = 9,
     .cultures = kGbCultures,
     .cities = kGbCities,
     .phone = {.country_code = "44", .trunk = "0", .mobile = kGbMobile},
     .tld = "co.uk",
     .legal_forms = kGbForms,
     .stems = kGbStems,
     .descriptors = kEnglishDescriptors,
     .free_mail = "gmail.com|hotmail.co.uk|yahoo.co.uk|outlook.com|btinternet.com|icloud.com|"
                  "live.co.uk|sky.com",
     .english = true},
    {.iso2 = "CA",
     .country_spellings = "CA|CAN|Canada|Kanada|canada",
     .weight = 4,
     .cultures = kCaCultures,
     .cities = kCaCities,
     .states = kCaStates,
     .phone =
         {.country_code = "1", .trunk = "", .area_separator = '-', .separator = '-', .nanp = true},
     .tld = "ca",
     .legal_forms = kCaForms,
     .stems = kCaStems,
     .descriptors = kEnglishDescriptors,
     .free_mail = "gmail.com|hotmail.com|yahoo.ca|outlook.com|shaw.ca|rogers.com|icloud.com",
     .english = true},
    {.iso2 = "AU",
     .country_spellings = "AU|AUS|Australia|Commonwealth of Australia|Aus",
     .weight = 3,
     .cultures = kAuCultures,
     .cities = kAuCities,
     .states = kAuStates,
     .phone = {.country_code = "61", .trunk = "0", .mobile = kAuMobile},
     .tld = "com.au",
     .legal_forms = kAuForms,
     .stems = kAuStems,
     .descriptors = kEnglishDescriptors,
     .free_mail = "gmail.com|bigpond.com|hotmail.com|outlook.com|yahoo.com.au|icloud.com|"
                  "optusnet.com.au",
     .english = true},
    {.iso2 = "IE",
     .country_spellings = "IE|IRL|Ireland|Éire|Eire|Republic of Ireland|ROI",
     .weight = 1,
     .cultures = kIeCultures,
     .cities = kIeCities,
     .phone = {.country_code = "353", .trunk = "0", .mobile = kIeMobile},
     .tld = "ie",
     .legal_forms = kGbForms,
     .stems = kIeStems,
     .descriptors = kEnglishDescriptors,
     .free_mail = "gmail.com|hotmail.com|eircom.net|yahoo.ie|outlook.com|icloud.com",
     .english = true},
    {.iso2 = "DE",
     .country_spellings = "DE|DEU|Germany|Deutschland|Federal Republic of Germany|BRD|Allemagne",
     .weight = 8,
     .cultures = kDeCultures,
     .cities = kDeCities,
     .phone = {.country_code = "49", .trunk = "0", .mobile = kDeMobile},
     .tld = "de",
     .legal_forms = kDeForms,
     .stems = kDeStems,
     .descriptors = kGermanDescriptors,
     .known = kDeKnown,
     .free_mail = "gmail.com|web.de|gmx.de|t-online.de|googlemail.com|gmx.net|outlook.de|"
                  "posteo.de|freenet.de",
     .local_titles = kDeTitles},
    {.iso2 = "AT",
     .country_spellings = "AT|AUT|Austria|Österreich|Oesterreich|Osterreich",
     .weight = 1,
     .cultures = kAtCultures,
     .cities = kAtCities,
     .phone = {.country_code = "43", .trunk = "0", .mobile = kAtMobile},
     .tld = "at",
     .legal_forms = kDeForms,
     .stems = kAtStems,
     .descriptors = kGermanDescriptors,
     .free_mail = "gmail.com|gmx.at|aon.at|chello.at|outlook.com|web.de",
     .local_titles = kDeTitles},
    {.iso2 = "CH",
     .country_spellings = "CH|CHE|Switzerland|Schweiz|Suisse|Svizzera|Swiss Confederation",
     .weight = 1,
     .cultures = kChCultures,
     .cities = kChCities,
     .phone = {.country_code = "41", .trunk = "0", .mobile = kChMobile},
     .tld = "ch",
     .legal_forms = kChForms,
     .stems = kChStems,
     .descriptors = kGermanDescriptors,
     .free_mail = "gmail.com|bluewin.ch|gmx.ch|hotmail.com|outlook.com|proton.me",
     .local_titles = kDeTitles},
    {.iso2 = "FR",
     .country_spellings = "FR|FRA|France|République française|La France",
     .weight = 6,
     .cultures = kFrCultures,
     .cities = kFrCities,
     .phone = {.country_code = "33", .trunk = "0", .mobile = kFrMobile},
     .tld = "fr",
     .legal_forms = kFrForms,
     .stems = kFrStems,
     .descriptors = kFrenchDescriptors,
     .known = kFrKnown,
     .free_mail = "gmail.com|orange.fr|free.fr|hotmail.fr|laposte.net|wanadoo.fr|sfr.fr|"
                  "yahoo.fr|outlook.fr",
     .local_titles = kFrTitles},
    {.iso2 = "ES",
     .country_spellings = "ES|ESP|Spain|España|Espana|Espagne|Reino de España",
     .weight = 3,
     .cultures = kEsCultures,
     .cities = kEsCities,
     .phone = {.country_code = "34", .trunk = "", .mobile = kEsMobile},
     .tld = "es",
     .legal_forms = kEsForms,
     .stems = kEsStems,
     .descriptors = kSpanishDescriptors,
     .known = kEsKnown,
     .free_mail = "gmail.com|hotmail.com|yahoo.es|outlook.es|telefonica.net|hotmail.es",
     .local_titles = kSpanishTitles},
    {.iso2 = "MX",
     .country_spellings = "MX|MEX|Mexico|México|Estados Unidos Mexicanos",
     .weight = 2,
     .cultures = kMxCultures,
     .cities = kMxCities,
     .phone = {.country_code = "52", .trunk = ""},
     .tld = "com.mx",
     .legal_forms = kMxForms,
     .stems = kMxStems,
     .descriptors = kSpanishDescriptors,
     .free_mail = "gmail.com|hotmail.com|yahoo.com.mx|outlook.com|live.com.mx|prodigy.net.mx",
     .local_titles = kSpanishTitles},
    {.iso2 = "PT",
     .country_spellings = "PT|PRT|Portugal|República Portuguesa",
     .weight = 1,
     .cultures = kPtCultures,
     .cities = kPtCities,
     .phone = {.country_code = "351", .trunk = "", .mobile = kPtMobile},
     .tld = "pt",
     .legal_forms = kPtForms,
     .stems = kPtStems,
     .descriptors = kPortugueseDescriptors,
     .free_mail = "gmail.com|sapo.pt|hotmail.com|outlook.pt|netcabo.pt",
     .local_titles = kPortugueseTitles},
    {.iso2 = "BR",
     .country_spellings = "BR|BRA|Brazil|Brasil|Brésil",
     .weight = 3,
     .cultures = kBrCultures,
     .cities = kBrCities,
     .phone = {.country_code = "55", .trunk = "", .separator = '-', .mobile = kBrMobile},
     .tld = "com.br",
     .legal_forms = kBrForms,
     .stems = kBrStems,
     .descriptors = kPortugueseDescriptors,
     .free_mail = "gmail.com|hotmail.com|uol.com.br|bol.com.br|yahoo.com.br|outlook.com|"
                  "terra.com.br",
     .local_titles = kPortugueseTitles},
    {.iso2 = "IT",
     .country_spellings = "IT|ITA|Italy|Italia|Italie",
     .weight = 3,
     .cultures = kItCultures,
     .cities = kItCities,
     .phone = {.country_code = "39", .trunk = "", .mobile = kItMobile},
     .tld = "it",
     .legal_forms = kItForms,
     .stems = kItStems,
     .descriptors = kItalianDescriptors,
     .free_mail = "gmail.com|libero.it|hotmail.it|yahoo.it|virgilio.it|tiscali.it|alice.it",
     .local_titles = kItalianTitles},
    {.iso2 = "NL",
     .country_spellings = "NL|NLD|Netherlands|Nederland|Holland|The Netherlands|the Netherlands|"
                          "Niederlande",
     .weight = 3,
     .cultures = kNlCultures,
     .cities = kNlCities,
     .phone = {.country_code = "31", .trunk = "0", .mobile = kNlMobile},
     .tld = "nl",
     .legal_forms = kNlForms,
     .stems = kNlStems,
     .descriptors = kDutchDescriptors,
     .free_mail = "gmail.com|hotmail.com|ziggo.nl|kpnmail.nl|live.nl|outlook.com|xs4all.nl|"
                  "planet.nl",
     .local_titles = kDutchTitles},
    {.iso2 = "PL",
     .country_spellings = "PL|POL|Poland|Polska|Pologne|Polen",
     .weight = 2,
     .cultures = kPlCultures,
     .cities = kPlCities,
     .phone = {.country_code = "48", .trunk = "", .mobile = kPlMobile},
     .tld = "pl",
     .legal_forms = kPlForms,
     .stems = kPlStems,
     .descriptors = kPolishDescriptors,
     .free_mail = "gmail.com|wp.pl|onet.pl|o2.pl|interia.pl|op.pl",
     .local_titles = kPolishTitles},
    {.iso2 = "GR",
     .country_spellings = "GR|GRC|Greece|Ελλάδα|Hellas|Ellada|Hellenic Republic",
     .weight = 1,
     .cultures = kGrCultures,
     .cities = kGrCities,
     .phone = {.country_code = "30", .trunk = "", .mobile = kGrMobile},
     .tld = "gr",
     .legal_forms = kGrForms,
     .stems = kGrStems,
     .descriptors = kEnglishDescriptors,
     .free_mail = "gmail.com|yahoo.gr|hotmail.com|otenet.gr",
     .local_titles = kGreekTitles,
     .native_form = &kAeNative},
    {.iso2 = "RU",
     .country_spellings = "RU|RUS|Russia|Россия|Russian Federation|Rossiya",
     .weight = 1,
     .cultures = kRuCultures,
     .cities = kRuCities,
     .phone = {.country_code = "7", .trunk = "8", .separator = '-', .mobile = kRuMobile},
     .tld = "ru",
     .legal_forms = kRuForms,
     .stems = kRuStems,
     .descriptors = kEnglishDescriptors,
     .free_mail = "yandex.ru|mail.ru|gmail.com|rambler.ru|bk.ru|list.ru|inbox.ru|ya.ru",
     .local_titles = kRussianTitles,
     .native_form = &kOooNative},
    {.iso2 = "CN",
     .country_spellings = "CN|CHN|China|中国|People's Republic of China|PRC|P.R. China",
     .weight = 2,
     .cultures = kCnCultures,
     .cities = kCnCities,
     .phone = {.country_code = "86", .trunk = "0", .mobile = kCnMobile},
     .tld = "cn",
     .legal_forms = kCnForms,
     .stems = kCnStems,
     .descriptors = kAsiaDescriptors,
     .free_mail = "qq.com|163.com|126.com|sina.com|gmail.com|foxmail.com|sohu.com",
     .local_titles = kChineseTitles,
     .native_form = &kCnNative,
     .city_prefix = true},
    {.iso2 = "JP",
     .country_spellings = "JP|JPN|Japan|日本|Nippon|Japon",
     .weight = 3,
     .cultures = kJpCultures,
     .cities = kJpCities,
     .phone = {.country_code = "81",
               .trunk = "0",
               .area_separator = '-',
               .separator = '-',
               .mobile = kJpMobile},
     .tld = "co.jp",
     .legal_forms = kJpForms,
     .stems = kJpStems,
     .descriptors = kAsiaDescriptors,
     .free_mail = "gmail.com|yahoo.co.jp|docomo.ne.jp|ezweb.ne.jp|icloud.com|softbank.ne.jp|"
                  "outlook.jp",
     .local_titles = kJapaneseTitles,
     .native_form = &kKkNative},
    {.iso2 = "AE",
     .country_spellings = "AE|ARE|United Arab Emirates|UAE|U.A.E.|الإمارات|Emirates",
     .weight = 1,
     .cultures = kAeCultures,
     .cities = kAeCities,
     .phone = {.country_code = "971", .trunk = "0", .mobile = kAeMobile},
     .tld = "ae",
     .legal_forms = kAeForms,
     .stems = kAeStems,
     .descriptors = kEnglishDescriptors,
     .free_mail = "gmail.com|hotmail.com|yahoo.com|outlook.com|emirates.net.ae",
     .native_form = &kArNative},
    {.iso2 = "IN",
     .country_spellings = "IN|IND|India|भारत|Bharat|Republic of India",
     .weight = 4,
     .cultures = kInCultures,
     .cities = kInCities,
     .phone = {.country_code = "91", .trunk = "0", .mobile = kInMobile},
     .tld = "in",
     .legal_forms = kInForms,
     .stems = kInStems,
     .descriptors = kEnglishDescriptors,
     .free_mail = "gmail.com|yahoo.co.in|rediffmail.com|hotmail.com|outlook.com|yahoo.in",
     .english = true},
    {.iso2 = "SE",
     .country_spellings = "SE|SWE|Sweden|Sverige|Schweden|Suède",
     .weight = 1,
     .cultures = kSeCultures,
     .cities = kSeCities,
     .phone = {.country_code = "46", .trunk = "0", .area_separator = '-', .mobile = kSeMobile},
     .tld = "se",
     .legal_forms = kSeForms,
     .stems = kSeStems,
     .descriptors = kSwedishDescriptors,
     .free_mail = "gmail.com|hotmail.com|telia.com|outlook.com|live.se|bredband.net",
     .local_titles = kSwedishTitles},
    {.iso2 = "FI",
     .country_spellings = "FI|FIN|Finland|Suomi|Finnland|Finlande",
     .weight = 1,
     .cultures = kFiCultures,
     .cities = kFiCities,
     .phone = {.country_code = "358", .trunk = "0", .mobile = kFiMobile},
     .tld = "fi",
     .legal_forms = kFiForms,
     .stems = kFiStems,
     .descriptors = kFinnishDescriptors,
     .free_mail = "gmail.com|hotmail.com|luukku.com|suomi24.fi|outlook.com",
     .local_titles = kFinnishTitles},
};

// clang-format on

}  // namespace

std::span<const Region> Regions() { return kRegions; }

}  // namespace pdc::generate
