// The long tail of person names. Real name frequencies are long-tailed: in the US the 100
// commonest surnames cover only about a sixth of people, and a random sample of 85,000 Americans
// has nearly all-distinct full names. A matcher's precision on names depends on how often
// unrelated people share one, so the generator draws most surnames (Chinese: given names, since
// Chinese surnames really are concentrated) from a tail of rare names instead of the short
// hand-written head lists in generate_names.cpp.
//
// Each tail is built once, on first use and independently of the seed, by combining morphemes of
// the culture ("Ash" + "ford", "Grün" + "berg", 山 + 中, 思 + 涵). The larger cultures also get
// given names past their commonest ones, from hand-written lists: a head of 20 to 45 given names a
// gender would otherwise make namesakes several times as common as they are. Morphemes carry their
// spelling alternatives the way the head lists do (native script or diacritics first, then
// transliterations and ASCII fallbacks); a combination's alternative i joins alternative i of
// each morpheme, so "Grün|Gruen|Grun" + "feld" is "Grünfeld|Gruenfeld|Grunfeld".
#include <algorithm>
#include <deque>
#include <functional>
#include <initializer_list>
#include <set>
#include <string>
#include <vector>

#include "samples/generate_internal.h"

namespace pdc::generate {
namespace {

using Morphemes = std::initializer_list<std::string_view>;

// Substrings of the ASCII key that make a combination unusable as a name.
constexpr std::string_view kBlocked[] = {
    "fuck", "shit",  "cunt", "cock",  "dick", "piss",   "slut",  "whore", "nazi", "rape",  "anal",
    "anus", "penis", "porn", "nigg",  "tits", "hitler", "poop",  "crap",  "butt", "bitch", "dumb",
    "sex",  "kill",  "fag",  "dildo", "turd", "puke",   "vomit", "satan", "damn",
};

// A list of names built once and kept for the life of the process. Entries point into strings
// that never move: std::deque keeps its elements in place as it grows, and the list itself is
// a function-local static that is never copied.
class NameList {
 public:
  // Skips names already in `head` (the tail adds rare names, not more of the common ones).
  NameList(std::span<const NameEntry> head, const std::function<void(NameList&)>& fill) {
    for (const NameEntry& entry : head) seen_.emplace(Alternative(entry.spellings, 0));
    fill(*this);
  }
  NameList(const NameList&) = delete;
  NameList& operator=(const NameList&) = delete;

  // Adds a name unless it repeats one, has a letter three times in a row or reads as a word
  // nobody would carry.
  void Add(std::string spellings, std::string_view nicknames = {}) {
    const NameEntry probe{spellings};
    const std::string key = AsciiKey(probe);
    if (key.size() < 3) return;
    for (size_t i = 2; i < key.size(); ++i) {
      if (key[i] == key[i - 1] && key[i] == key[i - 2]) return;
    }
    for (std::string_view blocked : kBlocked) {
      if (key.find(blocked) != std::string::npos) return;
    }
    if (!seen_.emplace(Alternative(spellings, 0)).second) return;
    entries_.push_back(NameEntry{text_.emplace_back(std::move(spellings)), {}, nicknames});
  }
  std::span<const NameEntry> entries() const { return entries_; }

 private:
  std::deque<std::string> text_;
  std::vector<NameEntry> entries_;
  std::set<std::string, std::less<>> seen_;
};

// Joins morphemes alternative by alternative; a morpheme with fewer alternatives repeats its last
// one (a transliteration, an ASCII fallback), so scripts never mix. Repeated results are dropped.
std::string Join(Morphemes parts) {
  size_t count = 1;
  for (std::string_view part : parts) count = std::max(count, CountAlternatives(part));
  std::vector<std::string> alternatives;
  for (size_t i = 0; i < count; ++i) {
    std::string joined;
    for (std::string_view part : parts) {
      joined += Alternative(part, std::min(i, CountAlternatives(part) - 1));
    }
    if (std::find(alternatives.begin(), alternatives.end(), joined) == alternatives.end()) {
      alternatives.push_back(std::move(joined));
    }
  }
  std::string out;
  for (const std::string& alternative : alternatives) {
    if (!out.empty()) out += '|';
    out += alternative;
  }
  return out;
}

// Upper-cases the first letter of every alternative: "γεωργίου|georgiou" → "Γεωργίου|Georgiou".
std::string Capitalized(std::string_view spellings) {
  std::string out;
  bool start = true;
  for (size_t i = 0; i < spellings.size();) {
    size_t length = 1;
    const auto lead = static_cast<unsigned char>(spellings[i]);
    if (lead >= 0xF0) {
      length = 4;
    } else if (lead >= 0xE0) {
      length = 3;
    } else if (lead >= 0xC0) {
      length = 2;
    }
    const std::string_view letter = spellings.substr(i, length);
    if (start) {
      AppendCase(letter, true, out);
    } else {
      out += letter;
    }
    start = letter == "|";
    i += length;
  }
  return out;
}

// Whether `ending` repeats `root` ("Berg" + "berg") or, with `vowels_apart`, two vowels would
// meet at the seam ("Chandra" + "esan").
bool AwkwardSeam(std::string_view root, std::string_view ending, bool vowels_apart) {
  const std::string_view a = Alternative(root, 0);
  const std::string_view b = Alternative(ending, 0);
  if (a.empty() || b.empty()) return false;
  std::string lower;
  AppendCase(a, false, lower);
  if (b.starts_with(lower)) return true;
  constexpr std::string_view kVowels = "aeiouy";
  return vowels_apart && kVowels.find(lower.back()) != std::string_view::npos &&
         kVowels.find(b.front()) != std::string_view::npos;
}

// Every root followed by every ending. `capitalize` for lower-case roots ("παπα" + "γεωργ" + ...).
void AddProducts(NameList& list, Morphemes roots, Morphemes endings, bool capitalize = false,
                 bool vowels_apart = false) {
  for (std::string_view root : roots) {
    for (std::string_view ending : endings) {
      if (AwkwardSeam(root, ending, vowels_apart)) continue;
      const std::string name = Join({root, ending});
      list.Add(capitalize ? Capitalized(name) : name);
    }
  }
}

// Fills a list with hand-written names.
std::function<void(NameList&)> Listed(std::span<const NameEntry> names) {
  return [names](NameList& list) {
    for (const NameEntry& name : names) list.Add(std::string(name.spellings), name.nicknames);
  };
}

// A tail with rarer given names beside the culture's head lists, and the surnames of `last`.
struct GivenAndLastTail {
  GivenAndLastTail(const Culture& culture, std::span<const NameEntry> rarer_male,
                   std::span<const NameEntry> rarer_female, const NameList& last,
                   double first_share, double last_share)
      : male(culture.male, Listed(rarer_male)),
        female(culture.female, Listed(rarer_female)),
        tail{.male = male.entries(),
             .female = female.entries(),
             .last = last.entries(),
             .first_share = first_share,
             .last_share = last_share} {}
  NameList male, female;
  NameTail tail;
};

// Tables are packed several morphemes per line by hand; automatic formatting would put one per
// line.
// clang-format off

// --- English: place and landscape compounds; rarer given names --------------------------------
// Given names are not built from morphemes (invented ones would look wrong): these lists are
// hand-written, with short forms where the head lists have them.
constexpr NameEntry kEnglishRarerMale[] = {
    {"Aiden"}, {"Alan"}, {"Albert", "", "Al|Bert"}, {"Alfred", "", "Alf|Fred"}, {"Allen"},
    {"Alvin"}, {"Arthur", "", "Art"}, {"Austin"}, {"Barry"}, {"Bernard", "", "Bernie"}, {"Blake"},
    {"Bradley", "", "Brad"}, {"Bruce"}, {"Bryan"}, {"Caleb"}, {"Cameron", "", "Cam"}, {"Carl"},
    {"Carter"}, {"Chad"}, {"Clarence"}, {"Clifford", "", "Cliff"}, {"Colin"}, {"Connor"},
    {"Curtis"}, {"Dale"}, {"Damian"}, {"Darren"}, {"Dean"}, {"Dennis"}, {"Derek"},
    {"Dominic", "", "Dom"}, {"Donald", "", "Don"}, {"Douglas", "", "Doug"}, {"Dustin"}, {"Dylan"},
    {"Earl"}, {"Elijah", "", "Eli"}, {"Elliott|Elliot"}, {"Eugene", "", "Gene"}, {"Evan"},
    {"Francis", "", "Frank"}, {"Frank"}, {"Frederick", "", "Fred|Freddie"}, {"Gabriel", "", "Gabe"},
    {"Gary"}, {"Gavin"}, {"Gerald", "", "Gerry"}, {"Glenn|Glen"}, {"Gordon"}, {"Graham"},
    {"Grant"}, {"Harold", "", "Harry"}, {"Harrison"}, {"Hayden"}, {"Henry", "", "Hank"},
    {"Howard"}, {"Hugh"}, {"Hunter"}, {"Ian"}, {"Isaac"}, {"Jack"}, {"Jacob", "", "Jake"},
    {"Jared"}, {"Jeremy"}, {"Jesse"}, {"Joel"}, {"Jordan"}, {"Joshua", "", "Josh"}, {"Julian"},
    {"Keith"}, {"Kenneth", "", "Ken|Kenny"}, {"Lawrence|Laurence", "", "Larry"}, {"Leonard", "", "Len|Leo"},
    {"Lewis"}, {"Liam"}, {"Lucas"}, {"Luke"}, {"Malcolm"}, {"Marcus"}, {"Martin", "", "Marty"},
    {"Max"}, {"Miles"}, {"Mitchell", "", "Mitch"}, {"Neil"}, {"Noah"}, {"Norman"}, {"Owen"},
    {"Parker"}, {"Peter", "", "Pete"}, {"Philip|Phillip", "", "Phil"}, {"Ralph"},
    {"Randall", "", "Randy"}, {"Raymond", "", "Ray"}, {"Reginald", "", "Reggie"}, {"Roger"},
    {"Ronald", "", "Ron|Ronnie"}, {"Ross"}, {"Roy"}, {"Russell", "", "Russ"}, {"Seth"},
    {"Shane"}, {"Shawn"}, {"Simon"}, {"Spencer"}, {"Stanley", "", "Stan"},
    {"Stephen", "", "Steve"}, {"Stuart|Stewart", "", "Stu"}, {"Terry"},
    {"Theodore", "", "Ted|Theo"}, {"Todd"}, {"Travis"}, {"Trevor"}, {"Troy"}, {"Victor", "", "Vic"},
    {"Vincent", "", "Vince"}, {"Walter", "", "Walt"}, {"Warren"}, {"Wayne"},
    {"Wesley", "", "Wes"}, {"Wyatt"}, {"Xavier"}, {"Louis"}, {"Roland"}, {"Cole"}, {"Lance"},
    {"Rodney", "", "Rod"}, {"Gilbert", "", "Gil"}, {"Herbert", "", "Herb"}, {"Jeffery"},
};
constexpr NameEntry kEnglishRarerFemale[] = {
    {"Adrienne"}, {"Alexandra", "", "Alex|Lexi"}, {"Alice"}, {"Alicia"}, {"Alison|Allison", "", "Ali"},
    {"Alyssa"}, {"Amber"}, {"Andrea"}, {"Angela", "", "Angie"}, {"Anna"}, {"Anne|Ann"},
    {"Audrey"}, {"Ava"}, {"Beverly", "", "Bev"}, {"Bethany", "", "Beth"}, {"Bonnie"}, {"Brenda"},
    {"Brittany"}, {"Brooke"}, {"Caroline", "", "Carrie"}, {"Carol"}, {"Carolyn"},
    {"Cassandra", "", "Cassie"}, {"Cheryl"}, {"Claire|Clare"}, {"Courtney"}, {"Crystal"},
    {"Cynthia", "", "Cindy"}, {"Dana"}, {"Danielle", "", "Dani"}, {"Denise"}, {"Diana"},
    {"Diane"}, {"Dorothy", "", "Dot|Dottie"}, {"Eleanor", "", "Ellie|Nora"}, {"Ella"}, {"Ellen"},
    {"Erica|Erika"}, {"Erin"}, {"Evelyn", "", "Evie"}, {"Faith"}, {"Frances", "", "Fran"},
    {"Gail"}, {"Georgia"}, {"Gillian", "", "Jill"}, {"Gloria"}, {"Harriet"}, {"Helen"},
    {"Holly"}, {"Isabel|Isabelle", "", "Izzy"}, {"Jacqueline", "", "Jackie"}, {"Jane"},
    {"Janet"}, {"Janice"}, {"Jasmine", "", "Jas"}, {"Jean"}, {"Jenna"}, {"Joan"}, {"Joanne"},
    {"Jocelyn"}, {"Josephine", "", "Jo|Josie"}, {"Joyce"}, {"Judith", "", "Judy"}, {"Julia"},
    {"Julie"}, {"Kaitlyn|Caitlin", "", "Katie"}, {"Kathleen", "", "Kathy"}, {"Kayla"},
    {"Kelly"}, {"Kelsey"}, {"Kristen"}, {"Kylie"}, {"Leah"}, {"Lillian", "", "Lily"},
    {"Lindsay|Lindsey"}, {"Lorraine"}, {"Lucy"}, {"Lydia"}, {"Madison", "", "Maddie"},
    {"Marilyn"}, {"Marion"}, {"Martha"}, {"Melanie", "", "Mel"}, {"Melissa", "", "Mel|Missy"},
    {"Mia"}, {"Miranda"}, {"Molly"}, {"Monica"}, {"Naomi"}, {"Nicole", "", "Nikki"}, {"Nora"},
    {"Paige"}, {"Pamela", "", "Pam"}, {"Paula"}, {"Penelope", "", "Penny"}, {"Phoebe"},
    {"Phyllis"}, {"Ruby"}, {"Ruth"}, {"Sabrina"}, {"Sally"}, {"Shannon"}, {"Sharon"},
    {"Shirley"}, {"Sienna"}, {"Stella"}, {"Sylvia"}, {"Tamara", "", "Tammy"},
    {"Teresa|Theresa", "", "Terri|Tess"}, {"Tiffany"}, {"Tracy|Tracey"}, {"Valerie", "", "Val"},
    {"Vanessa"}, {"Wendy"}, {"Whitney"}, {"Zoe"}, {"Rose"}, {"Jade"}, {"Poppy"}, {"Freya"},
    {"Imogen"}, {"Lucinda", "", "Lucy"}, {"Gwendolyn", "", "Gwen"}, {"Hazel"}, {"Ivy"},
};

const NameTail& EnglishTail() {
  static const NameList last(kEnglish.last, [](NameList& list) {
    AddProducts(list,
        {"Ash", "Black", "Brad", "Crow", "Fair", "Hart", "Ald", "Ames", "Bar", "Bell", "Bird",
         "Brom", "Brook", "Bur", "Cal", "Chad", "Clay", "Cole", "Cot", "Cran", "Dal", "Dun",
         "East", "Elm", "Ever", "Farn", "Fen", "Gold", "Good", "Green", "Hal", "Ham", "Hay",
         "Heath", "Hol", "Horn", "Kings", "Kirk", "Lang", "Lind", "Mar", "Mid", "Mil", "Nor",
         "Oak", "Pen", "Rad", "Rams", "Red", "Rock", "Rush", "Sand", "Shel", "Stan", "Stock",
         "Stone", "Thorn", "Wal", "War", "Wel", "West", "Whit", "Wick", "Win", "Wood", "Brent",
         "Carl", "Dray", "Eld", "Fox", "Glad", "Hunt", "Lock", "North", "Pem", "South", "Sud",
         "Tal", "Wen", "Yar"},
        {"ford", "wood", "ley", "ton", "field", "worth", "by", "ham", "well", "more", "bridge",
         "brook", "combe", "dale", "den", "don", "hurst", "land", "ling", "low", "mere",
         "ridge", "shaw", "stead", "stone", "thorpe", "wick", "win", "ward", "man", "croft",
         "ington", "bury", "house", "gate", "hill", "cliffe", "sley", "well", "lock"});
  });
  static const GivenAndLastTail tail(kEnglish, kEnglishRarerMale, kEnglishRarerFemale, last, 0.45,
                                     0.8);
  return tail.tail;
}

// Rarer given names of the other larger cultures, hand-written like the English ones.
constexpr NameEntry kSpanishRarerMale[] = {
    {"Adrián|Adrian"}, {"Alberto"}, {"Alfonso"}, {"Arturo"}, {"Benjamín|Benjamin"}, {"César|Cesar"},
    {"Daniel"}, {"David"}, {"Eduardo"}, {"Emilio"}, {"Enrique"}, {"Ernesto"}, {"Esteban"},
    {"Fernando"}, {"Gabriel"}, {"Gonzalo"}, {"Guillermo"}, {"Gustavo"}, {"Héctor|Hector"}, {"Hugo"},
    {"Ignacio", "", "Nacho"}, {"Jaime"}, {"Joaquín|Joaquin"}, {"Julio"}, {"Leonardo"}, {"Lorenzo"},
    {"Marcos"}, {"Mario"}, {"Martín|Martin"}, {"Mateo"}, {"Nicolás|Nicolas"}, {"Óscar|Oscar"},
    {"Ramón|Ramon"}, {"Ricardo"}, {"Roberto"}, {"Rodrigo"}, {"Salvador"}, {"Santiago"},
    {"Tomás|Tomas"}, {"Víctor|Victor"}, {"Vicente"}, {"Emiliano"}, {"Gerardo"},
    {"Rafael", "", "Rafa"}, {"Agustín|Agustin"},
};
constexpr NameEntry kSpanishRarerFemale[] = {
    {"Adriana"}, {"Alba"}, {"Alejandra"}, {"Alicia"}, {"Andrea"}, {"Antonia"}, {"Beatriz"},
    {"Blanca"}, {"Carla"}, {"Carolina"}, {"Claudia"}, {"Concepción|Concepcion", "", "Concha"},
    {"Daniela"}, {"Dolores", "", "Lola"}, {"Eva"}, {"Fernanda"}, {"Gabriela"}, {"Irene"},
    {"Josefa", "", "Pepa"}, {"Julia"}, {"Leticia"}, {"Lorena"}, {"Lourdes"}, {"Luisa"}, {"Manuela"},
    {"Mercedes"}, {"Miriam"}, {"Mónica|Monica"}, {"Natalia"}, {"Nerea"}, {"Noelia"}, {"Nuria"},
    {"Patricia"}, {"Raquel"}, {"Rosa"}, {"Sara"}, {"Silvia"}, {"Susana"}, {"Teresa"},
    {"Verónica|Veronica"}, {"Jimena|Ximena"}, {"Yolanda"}, {"Esperanza"},
    {"Montserrat", "", "Montse"}, {"Ainhoa"},
};
constexpr NameEntry kPortugueseRarerMale[] = {
    {"Alexandre"}, {"André|Andre"}, {"Artur"}, {"Bernardo"}, {"Caio"}, {"Carlos"}, {"Daniel"},
    {"Diego"}, {"Diogo"}, {"Duarte"}, {"Eduardo"}, {"Fernando"}, {"Francisco", "", "Chico"},
    {"Gustavo"}, {"Henrique"}, {"Hugo"}, {"Igor"}, {"Jorge"}, {"Leandro"}, {"Luciano"}, {"Marcelo"},
    {"Marco"}, {"Márcio|Marcio"}, {"Mário|Mario"}, {"Miguel"}, {"Otávio|Otavio"}, {"Paulo"},
    {"Renato"}, {"Ricardo"}, {"Roberto"}, {"Rogério|Rogerio"}, {"Samuel"}, {"Sérgio|Sergio"},
    {"Simão|Simao"}, {"Vítor|Vitor|Victor"}, {"Wagner"}, {"Davi"}, {"Enzo"}, {"Heitor"},
    {"Emanuel"},
};
constexpr NameEntry kPortugueseRarerFemale[] = {
    {"Adriana"}, {"Alice"}, {"Amanda"}, {"Bianca"}, {"Bruna"}, {"Carla"}, {"Carolina"},
    {"Cláudia|Claudia"}, {"Cristina"}, {"Daniela"}, {"Débora|Debora"}, {"Eduarda", "", "Duda"},
    {"Elisa"}, {"Fabiana"}, {"Francisca"}, {"Helena"}, {"Isabel"}, {"Isabela|Isabella"},
    {"Jéssica|Jessica"}, {"Júlia|Julia"}, {"Laura"}, {"Lívia|Livia"}, {"Lúcia|Lucia"}, {"Manuela"},
    {"Marta"}, {"Natália|Natalia"}, {"Paula"}, {"Priscila"}, {"Raquel"}, {"Rita"}, {"Sara"},
    {"Sílvia|Silvia"}, {"Tânia|Tania"}, {"Teresa"}, {"Vanessa"}, {"Yasmin"}, {"Alessandra"},
    {"Renata"}, {"Raíssa|Raissa"}, {"Aline"},
};
constexpr NameEntry kFrenchRarerMale[] = {
    {"Adrien"}, {"Alain"}, {"Alexandre"}, {"Arnaud"}, {"Aurélien|Aurelien"}, {"Baptiste"},
    {"Bernard"}, {"Bruno"}, {"Christophe"}, {"Clément|Clement"}, {"Damien"}, {"David"}, {"Denis"},
    {"Didier"}, {"Dominique"}, {"Éric|Eric"}, {"Fabien"}, {"Florian"},
    {"Frédéric|Frederic", "", "Fred"}, {"Gilles"}, {"Grégoire|Gregoire"}, {"Henri"}, {"Jacques"},
    {"Jean"}, {"Jérémy|Jeremy"}, {"Laurent"}, {"Loïc|Loic"}, {"Lucas"}, {"Marc"}, {"Martin"},
    {"Maxime", "", "Max"}, {"Michel"}, {"Patrick"}, {"Paul"}, {"Quentin"}, {"Raphaël|Raphael"},
    {"Romain"}, {"Sylvain"}, {"Thomas"}, {"Vincent"}, {"Xavier"}, {"Yann"}, {"Yves"}, {"Gabriel"},
    {"Arthur"}, {"Léo|Leo"},
};
constexpr NameEntry kFrenchRarerFemale[] = {
    {"Agnès|Agnes"}, {"Alice"}, {"Anne"}, {"Audrey"}, {"Brigitte"}, {"Caroline"}, {"Catherine"},
    {"Charlotte"}, {"Christine"}, {"Claire"}, {"Corinne"}, {"Delphine"}, {"Émilie|Emilie"},
    {"Emma"}, {"Florence"}, {"Gabrielle"}, {"Géraldine|Geraldine"}, {"Juliette"}, {"Julie"},
    {"Laetitia|Lætitia"}, {"Laure"}, {"Louise"}, {"Lucie"}, {"Marie"}, {"Marine"}, {"Martine"},
    {"Mathilde"}, {"Mélanie|Melanie"}, {"Monique"}, {"Nicole"}, {"Océane|Oceane"}, {"Pauline"},
    {"Sandrine"}, {"Sarah"}, {"Stéphanie|Stephanie"}, {"Sylvie"}, {"Véronique|Veronique"},
    {"Virginie"}, {"Zoé|Zoe"}, {"Jade"}, {"Alix"},
};
constexpr NameEntry kGermanRarerMale[] = {
    {"Alexander"}, {"Bernd"}, {"Dennis"}, {"Dirk"}, {"Frank"}, {"Frederik"}, {"Gerhard"}, {"Hans"},
    {"Heinz"}, {"Helmut"}, {"Holger"}, {"Horst"}, {"Ingo"}, {"Jens"}, {"Jonas"}, {"Kai"}, {"Karl"},
    {"Lars"}, {"Leon"}, {"Manfred"}, {"Marcel"}, {"Martin"}, {"Moritz"}, {"Niklas"}, {"Nils"},
    {"Norbert"}, {"Oliver"}, {"Patrick"}, {"Paul"}, {"Peter"}, {"Philipp"}, {"Rainer"}, {"Ralf"},
    {"Reinhard"}, {"Robert"}, {"Rolf"}, {"Sven"}, {"Timo"}, {"Torsten"}, {"Ulrich", "", "Uli"},
    {"Volker"}, {"Werner"}, {"Daniel"}, {"Dominik"}, {"Fabian"}, {"Jannik"}, {"Julian"}, {"Kevin"},
    {"Niko"}, {"Hendrik"},
};
constexpr NameEntry kGermanRarerFemale[] = {
    {"Andrea"}, {"Angelika"}, {"Antje"}, {"Barbara"}, {"Bettina"}, {"Brigitte"}, {"Carina"},
    {"Christina"}, {"Christine"}, {"Daniela"}, {"Doris"}, {"Elke"}, {"Franziska", "", "Franzi"},
    {"Gabriele", "", "Gabi"}, {"Heike"}, {"Helga"}, {"Ines"}, {"Iris"}, {"Johanna"}, {"Karin"},
    {"Kerstin"}, {"Lisa"}, {"Manuela"}, {"Maria"}, {"Marie"}, {"Marion"}, {"Martina"}, {"Melanie"},
    {"Michaela"}, {"Nadine"}, {"Nicole"}, {"Renate"}, {"Sandra"}, {"Silke"}, {"Simone"}, {"Sonja"},
    {"Svenja"}, {"Tanja"}, {"Ulrike", "", "Ulli"}, {"Vanessa"}, {"Yvonne"}, {"Mia"}, {"Emilia"},
    {"Charlotte"}, {"Luisa"}, {"Jessica"}, {"Miriam"}, {"Sarah"}, {"Tina"},
};
constexpr NameEntry kIndianRarerMale[] = {
    {"Abhishek", "", "Abhi"}, {"Ajay"}, {"Akash"}, {"Alok"}, {"Anand"}, {"Ankit"}, {"Arun"},
    {"Ashok"}, {"Ashish"}, {"Gaurav"}, {"Girish"}, {"Gopal"}, {"Hemant"}, {"Jatin"}, {"Kiran"},
    {"Krishna"}, {"Kunal"}, {"Mahesh"}, {"Mohan"}, {"Mukesh"}, {"Naveen"}, {"Nitin"}, {"Pankaj"},
    {"Pradeep"}, {"Pranav"}, {"Rakesh"}, {"Ramesh"}, {"Ravi"}, {"Sachin"}, {"Sandeep"}, {"Santosh"},
    {"Satish"}, {"Shankar"}, {"Sunil"}, {"Tarun"}, {"Varun"}, {"Vinay"}, {"Vinod"}, {"Vishal"},
    {"Yogesh"}, {"Arvind"}, {"Dinesh"}, {"Ganesh"}, {"Hari"}, {"Manish"}, {"Rohit"}, {"Sameer"},
    {"Tushar"},
};
constexpr NameEntry kIndianRarerFemale[] = {
    {"Aarti|Arti"}, {"Anita"}, {"Anusha"}, {"Archana"}, {"Bhavana"}, {"Chitra"}, {"Deepa"},
    {"Gayatri"}, {"Geeta|Gita"}, {"Harini"}, {"Jyoti"}, {"Kavita"}, {"Keerthi"}, {"Madhuri"},
    {"Manisha"}, {"Nisha"}, {"Padma"}, {"Pallavi"}, {"Preeti"}, {"Radha"}, {"Radhika"}, {"Rekha"},
    {"Ritu"}, {"Sangeeta"}, {"Sapna"}, {"Savita"}, {"Shalini"}, {"Shilpa"}, {"Shweta"}, {"Sonal"},
    {"Sowmya"}, {"Sushma"}, {"Tanvi"}, {"Usha"}, {"Vandana"}, {"Vidya"}, {"Yamini"}, {"Ishita"},
    {"Isha"}, {"Nikita"}, {"Riya"}, {"Tanya"}, {"Megha"},
};
constexpr NameEntry kJapaneseRarerMale[] = {
    {"大輝|Daiki"}, {"翼|Tsubasa"}, {"亮|Ryo|Ryou"}, {"学|Manabu"}, {"修|Osamu"}, {"剛|Tsuyoshi"},
    {"勇気|Yuki|Yuuki"}, {"和也|Kazuya"}, {"達也|Tatsuya"}, {"哲也|Tetsuya"}, {"秀樹|Hideki"}, {"正樹|Masaki"},
    {"雅人|Masato"}, {"優|Yu|Yuu"}, {"颯太|Sota|Souta"}, {"陸|Riku"}, {"湊|Minato"}, {"大和|Yamato"},
    {"陽斗|Haruto"}, {"樹|Itsuki"}, {"光|Hikaru"}, {"聡|Satoshi"}, {"徹|Toru|Tooru"}, {"豊|Yutaka"},
    {"茂|Shigeru"}, {"稔|Minoru"}, {"進|Susumu"}, {"勝|Masaru"}, {"智也|Tomoya"}, {"康介|Kosuke|Kousuke"},
    {"圭|Kei"}, {"慎也|Shinya"}, {"純一|Junichi|Jun'ichi"}, {"一郎|Ichiro|Ichirou"}, {"俊介|Shunsuke"},
    {"洋平|Yohei|Youhei"}, {"裕太|Yuta|Yuuta"}, {"拓海|Takumi"}, {"悠真|Yuma|Yuuma"},
};
constexpr NameEntry kJapaneseRarerFemale[] = {
    {"美穂|Miho"}, {"真由美|Mayumi"}, {"香織|Kaori"}, {"智子|Tomoko"}, {"直子|Naoko"}, {"久美子|Kumiko"},
    {"京子|Kyoko|Kyouko"}, {"理恵|Rie"}, {"舞|Mai"}, {"彩|Aya"}, {"千尋|Chihiro"}, {"遥|Haruka"}, {"葵|Aoi"},
    {"陽菜|Hina"}, {"結菜|Yuina"}, {"美月|Mizuki"}, {"七海|Nanami"}, {"優花|Yuka|Yuuka"}, {"真理|Mari"},
    {"紀子|Noriko"}, {"幸子|Sachiko"}, {"文子|Fumiko"}, {"和子|Kazuko"}, {"恵子|Keiko"}, {"美紀|Miki"},
    {"沙織|Saori"}, {"絵美|Emi"}, {"亜美|Ami"}, {"瞳|Hitomi"}, {"綾香|Ayaka"}, {"凛|Rin"}, {"菜々子|Nanako"},
    {"莉子|Riko"}, {"芽衣|Mei"}, {"楓|Kaede"}, {"桃子|Momoko"},
};

// --- Irish and Scottish: O' and Mac with clan stems, and anglicized forms -------------------------
const NameTail& GaelicTail() {
  static const NameList last(kGaelic.last, [](NameList& list) {
    const Morphemes kStems = {
        "Brady", "Callaghan", "Carroll", "Connell", "Dea", "Doherty", "Donnell", "Donovan",
        "Driscoll", "Dwyer", "Farrell", "Flaherty", "Flynn", "Gorman", "Grady", "Hara", "Hare",
        "Keefe", "Leary", "Loughlin", "Mahony", "Malley", "Meara", "Rourke", "Shea",
        "Shaughnessy", "Toole", "Halloran", "Kane", "Riordan", "Dowd", "Hanlon", "Gara",
        "Boyle", "Kelly", "Regan", "Hagan", "Mara", "Neill", "Sullivan", "Connor", "Brien"};
    // Mac also takes the Irish stems (MacCarthy, McMahon); O' does not take these Scottish ones.
    const Morphemes kMacStems = {
        "Allister", "Arthur", "Aulay", "Bain", "Bride", "Cabe", "Cann", "Clure", "Cormack",
        "Crae", "Donald", "Dougall", "Duff", "Elroy", "Ewan", "Fadden", "Farlane", "Gee",
        "Gill", "Ginley", "Gowan", "Grath", "Guire", "Hugh", "Inerney", "Intyre", "Innes",
        "Iver", "Kay", "Kenna", "Kinnon", "Laren", "Lean", "Lennan", "Mahon", "Manus",
        "Millan", "Namara", "Nally", "Nulty", "Pherson", "Quaid", "Quarrie", "Rae", "Tavish",
        "Vey", "Kenzie", "Gregor", "Carthy", "Leod", "Kee", "Gonigal", "Caffrey", "Cool"};
    AddProducts(list, {"O'|O’|O|O "}, kStems);
    AddProducts(list, {"Mac|Mc", "Mc|Mac"}, kStems);
    AddProducts(list, {"Mac|Mc", "Mc|Mac"}, kMacStems);
    AddProducts(list,
        {"Flan", "Han", "Dun", "Mul", "Gall", "Kin", "Lan", "Carr", "Conn", "Corr", "Don",
         "Fenn", "Finn", "Garr", "Hall", "Kear", "Mor", "Quin", "Brenn", "Cull", "Gill", "Kell",
         "Mull", "Dev", "Ken", "Red", "Sheh", "Tier", "Brann", "Clann", "Bann", "Coll", "Curr",
         "Dool", "Fall", "Gorm", "Hegg", "Hor", "Lon", "Mag", "Marr", "Noll", "Rod",
         "Scan", "Tull", "Cass", "Dall", "Gen", "Harr", "Kerr", "Lenn", "Mell", "Sull",
         "Tann", "Carn"},
        {"agan", "igan", "ahan", "ey", "an", "ion", "ane", "en"});
    AddProducts(list, {"Fitz"},
        {"gerald", "patrick", "simons", "william", "maurice", "henry", "hugh", "roy", "gibbon",
         "harris", "john", "walter", "stephen", "herbert"});
  });
  static const NameTail tail{.last = last.entries(), .last_share = 0.75};
  return tail;
}

// --- German: landscape and trade compounds --------------------------------------------------------
const NameTail& GermanTail() {
  static const NameList last(kGerman.last, [](NameList& list) {
    AddProducts(list,
        {"Stein", "Wald", "Rosen", "Grün|Gruen|Grun", "Blum", "Eisen", "Lichten",
         "Schön|Schoen|Schon", "Alten", "Hoch", "Neu", "Fried", "Hirsch", "Kirch", "Linden",
         "Falken", "Sonnen", "Ober", "Unter", "Rott", "Reichen", "Weiß|Weiss", "Brand", "Adel",
         "Heiden", "Berg", "Dorn", "Feld", "Gold", "Hagen", "Holz", "Kling", "Lauter",
         "Mühl|Muehl|Muhl", "Rhein", "Sand", "Schnee", "Tann", "Wein", "Wies", "Winter",
         "Sommer", "Bach", "Buch", "Eich", "Erlen", "Fichten", "Hasel", "Kalten", "Ross",
         "Wolfs", "Stern", "Lilien", "Silber", "Nuss", "Apfel", "Birn", "Kohl", "Mohn",
         "Bären|Baeren|Baren", "Fuchs", "Hahn", "Lerchen", "Finken", "Tauben", "Schwanen",
         "Ehren", "Frei", "Würz|Wuerz|Wurz", "Brunn"},
        {"berg", "berger", "mann", "feld", "hauser", "stein", "thal", "bach", "burg", "dorf",
         "inger", "meier|meyer", "huber", "brunner", "hofer", "wald", "heim", "kamp", "hagen",
         "bauer", "müller|mueller|muller", "schmidt", "reuter", "felder", "wieser", "bichler",
         "leitner", "hammer", "acker", "städter|staedter|stadter"});
  });
  static const GivenAndLastTail tail(kGerman, kGermanRarerMale, kGermanRarerFemale, last, 0.45,
                                     0.78);
  return tail.tail;
}

// --- French ---------------------------------------------------------------------------------------
const NameTail& FrenchTail() {
  static const NameList last(kFrench.last, [](NameList& list) {
    AddProducts(list,
        {"Ben", "Ber", "Bern", "Bon", "Bouch", "Brun", "Char", "Chev", "Coll", "Cour", "Fav",
         "Fourn", "Garn", "Gir", "Guill", "Lam", "Laur", "Mar", "Mart", "Mass", "Mor", "Nic",
         "Pel", "Per", "Pet", "Pic", "Rich", "Rob", "Roch", "Sim", "Thib", "Vin", "Bard", "Bert",
         "Blanch", "Bois", "Chaum", "Cl", "Daub", "Drou", "Foug", "Gaill", "Got", "Hub",
         "Jolli", "Leg", "Mich", "Mill", "Pag", "Poir", "Prév|Prev", "Ren", "Rou", "Tess",
         "Thom", "Vall", "Verd", "Vid", "Aub", "Barb", "Baud", "Bouv", "Cart", "Chab", "Chal",
         "Cham", "Chap", "Dum", "Fer", "Gagn", "Gal", "Gren", "Lab", "Mon", "Pas", "Rab", "Sauv",
         "Tard", "Tourn", "Vass", "Vern", "Car", "Dav", "Dur", "Gaud", "Lem", "Mal", "Nav",
         "Oliv", "Puj", "Raym", "Sav", "Tiss"},
        {"eau", "ier", "ot", "et", "in", "ard", "aud", "on", "and", "ault", "ette", "elle",
         "enot", "eaux", "ière|iere", "ais", "oux", "ès|es", "illon", "ereau", "oud", "ac"});
    AddProducts(list, {"Le "},
        {"Bris", "Moulin", "Roy", "Goff", "Guen", "Meur", "Breton", "Cerf", "Fresne", "Marais",
         "Rocher", "Pape", "Floch", "Bihan", "Corre", "Borgne", "Berre", "Du", "Coz", "Dantec"});
    AddProducts(list, {"Du"},
        {"moulin", "mont", "val", "champ", "pré|pre", "four", "chêne|chene", "fresne",
         "marais", "rocher", "château|chateau", "breuil", "cros", "mas", "puy", "rand", "teil",
         "bourg", "clos", "plessis"});
  });
  static const GivenAndLastTail tail(kFrench, kFrenchRarerMale, kFrenchRarerFemale, last, 0.45,
                                     0.8);
  return tail.tail;
}

// --- Spanish --------------------------------------------------------------------------------------
const NameTail& SpanishTail() {
  static const NameList last(kSpanish.last, [](NameList& list) {
    AddProducts(list,
        {"Alb", "Arr", "Barr", "Cabr", "Calder", "Camp", "Cant", "Carr", "Cast", "Cerv", "Corr",
         "Gall", "Garr", "Guerr", "Lar", "Lun", "Med", "Mol", "Mont", "Mor", "Nav", "Olm",
         "Ort", "Pard", "Pel", "Pin", "Quint", "Rib", "Riv", "Rom", "Sal", "Sant", "Serr", "Sot",
         "Tor", "Vald", "Val", "Var", "Vel", "Vill", "Zam", "Agu", "Bust", "Card", "Cord",
         "Espin", "Herr", "Lozan", "Maldon", "Manzan", "Pach", "Ram", "Salv", "Solan", "Zap",
         "Aren", "Carm", "Cerr", "Cuev", "Escob", "Lin", "Mir", "Pal", "Quir", "Rob"},
        {"eda", "edo", "ales", "ero", "era", "illo", "illa", "ín|in", "ón|on", "oza", "ado",
         "ano", "uela", "eros", "iel", "ares", "ega", "ejo", "ete", "ino", "ente", "aga",
         "ena", "illa", "ez", "ía|ia", "ola", "ueta", "ama", "anos"});
    AddProducts(list, {"de la |De la |De La "},
        {"Torre", "Cruz", "Vega", "Peña|Pena", "Rosa", "Sierra", "Hoz", "Puente", "Serna",
         "Barrera", "Cuesta", "Mora", "Parra", "Riva", "Calle", "Llave", "Rúa|Rua"});
    AddProducts(list, {"del |Del "},
        {"Río|Rio", "Valle", "Campo", "Castillo", "Pino", "Olmo", "Prado", "Monte", "Pozo",
         "Moral", "Barrio", "Real", "Rey", "Toro", "Pilar", "Amo"});
  });
  static const GivenAndLastTail tail(kSpanish, kSpanishRarerMale, kSpanishRarerFemale, last, 0.4,
                                     0.7);
  return tail.tail;
}

// --- Portuguese -----------------------------------------------------------------------------------
const NameTail& PortugueseTail() {
  static const NameList last(kPortuguese.last, [](NameList& list) {
    AddProducts(list,
        {"Barr", "Bezerr", "Brag", "Cabr", "Cald", "Campe", "Cardos", "Carn", "Castr", "Coel",
         "Cord", "Cunh", "Dant", "Falc", "Fig", "Fons", "Frag", "Gal", "Gued",
         "Lim", "Louren", "Macied", "Mach", "Mour", "Nev", "Nogu", "Pach", "Paiv", "Pass",
         "Pin", "Prad", "Queir", "Ram", "Reb", "Rech", "Sal", "Sampa", "Serr", "Tav", "Val",
         "Vasconc", "Vel", "Vier", "Vil", "Xav", "Amar", "Belt", "Bot", "Brit", "Cerq", "Mel",
         "Mont", "Mot", "Pimen", "Quint", "Rang", "Sequ", "Toled"},
        {"eiro", "eira", "ado", "ão|ao", "inho", "ães|aes", "ela", "oso", "osa", "al", "ares",
         "ano", "ena", "elo", "ada", "ente", "ota", "ilho", "eda", "ais", "ino", "oni", "ato",
         "ui", "ete", "eto", "ona", "ura", "ucho", "ides"});
    AddProducts(list, {"da |Da ", "de |De "},
        {"Rocha", "Fonseca", "Cruz", "Luz", "Mata", "Serra", "Costa", "Paz", "Ponte", "Vila",
         "Rosa", "Torre", "Cunha", "Conceição|Conceicao", "Mota", "Fonte"});
    AddProducts(list, {"do |Do "},
        {"Carmo", "Vale", "Monte", "Rosário|Rosario", "Nascimento", "Amaral", "Couto", "Prado",
         "Rio", "Espírito Santo|Espirito Santo", "Livramento"});
    AddProducts(list, {"dos |Dos "}, {"Anjos", "Reis", "Passos", "Ramos", "Prazeres"});
    AddProducts(list, {"das |Das "}, {"Neves", "Dores", "Chagas", "Graças|Gracas", "Mercês|Merces"});
  });
  static const GivenAndLastTail tail(kPortuguese, kPortugueseRarerMale, kPortugueseRarerFemale, last, 0.4,
                                     0.65);
  return tail.tail;
}

// --- Italian --------------------------------------------------------------------------------------
const NameTail& ItalianTail() {
  static const NameList last(kItalian.last, [](NameList& list) {
    AddProducts(list,
        {"Ald", "Ang", "Bald", "Bart", "Bass", "Bell", "Bert", "Bon", "Bors", "Bran", "Brun",
         "Calv", "Camp", "Can", "Cap", "Car", "Cas", "Cav", "Ces", "Col", "Cor", "Cres", "Fabbr",
         "Fal", "Fer", "Fior", "Fort", "Franc", "Gall", "Giann", "Grass", "Guid", "Lanz", "Leon",
         "Lomb", "Lor", "Mar", "Mart", "Mass", "Mazz", "Mor", "Negr", "Nard", "Orl", "Pac",
         "Pagan", "Pal", "Pan", "Pell", "Perr", "Pier", "Pin", "Prat", "Ross", "Rug", "Sal",
         "Sant", "Sart", "Sav", "Serr", "Sim", "Tos", "Vall", "Vent", "Vin", "Zan", "Zucc",
         "Bianc", "Cald", "Donat", "Ferr", "Gatt", "Mang", "Marc", "Paol", "Ricc", "Scal",
         "Spin", "Tond", "Ugol", "Vitt"},
        {"etti", "elli", "ini", "one", "ucci", "ato", "esi", "ari", "otti", "ello", "ino",
         "ardi", "ieri", "olo", "uzzi", "ani", "acci", "azzi", "oni", "etto", "ucco",
         "iani"});
    AddProducts(list, {"Di |Di|di ", "De |De|de "},
        {"Santo", "Pietro", "Marco", "Carlo", "Nardo", "Vito", "Martino", "Stefano", "Giacomo",
         "Matteo", "Benedetto", "Filippo", "Biase", "Lorenzo", "Paola", "Vita"});
    AddProducts(list, {"Lo "}, {"Russo", "Bianco", "Presti", "Monaco", "Giudice", "Cascio"});
    AddProducts(list, {"La "}, {"Rosa", "Bella", "Torre", "Porta", "Rocca", "Malfa", "Barbera"});
    AddProducts(list, {"Del ", "Dal "}, {"Monte", "Piano", "Santo", "Bosco", "Prete", "Pozzo"});
  });
  static const NameTail tail{.last = last.entries(), .last_share = 0.8};
  return tail;
}

// --- Dutch ----------------------------------------------------------------------------------------
const NameTail& DutchTail() {
  static const NameList last(kDutch.last, [](NameList& list) {
    const Morphemes kPlaces = {
        "Berg", "Dam", "Dijk|Dyk", "Hoek", "Veen", "Wijk|Wyk", "Beek", "Bosch", "Broek",
        "Hout", "Laan", "Meer", "Straaten", "Vliet", "Water", "Zand", "Akker", "Hoven", "Kamp",
        "Dongen", "Leeuwen", "Velde", "Brink", "Burg", "Graaf", "Haar", "Heide", "Horst",
        "Kerk", "Loo", "Maas", "Molen", "Poel", "Rijn|Ryn", "Sluis", "Steen", "Weide", "Wal",
        "Bergh", "Eijk|Eyk", "Hamme", "Laar", "Mark", "Rooij|Rooy", "Schaik", "Vaart", "Zee",
        "Bunt", "Tol", "Werf", "Aalst", "Amstel", "Baarle", "Bree", "Dalen", "Diepen",
        "Doorn", "Elzen", "Gaag", "Hage", "Heijden|Heyden", "Hulst", "Kempen", "Kolk",
        "Kooij|Kooy", "Lent", "Linde", "Loon", "Mortel", "Noort", "Oever", "Pol", "Rhee", "Schoor",
        "Spek", "Velden", "Vlist", "Voort", "Wetering", "Wiel", "Winkel", "Zanden", "Rossum",
        "Beers", "Boxtel", "Esch", "Goor", "Ham"};
    AddProducts(list, {"de |De "},
        {"Bruijn|Bruyn", "Graaf", "Lange", "Koning", "Klerk", "Ruiter", "Smet", "Moor", "Rooij|Rooy",
         "Haas", "Beer", "Leeuw", "Valk", "Zwart", "Kleine", "Hoog", "Goede", "Waal", "Bie",
         "Kort", "Mol", "Nijs", "Blok", "Reus", "Ridder", "Backer", "Kruijf|Kruyf", "Man", "Rijk|Ryk",
         "Weerd"});
    AddProducts(list, {"van |Van |van", "van den |Van den |Van Den |vanden",
                       "van der |Van der |Van Der |vd ", "van de |Van de |Van De "},
                kPlaces);
    AddProducts(list,
        {"Hoek", "Dijk", "Veen", "Hof", "Bos", "Wier", "Hol", "Zijl", "Ter", "Alt", "Kuip",
         "Mees", "Sijt", "Terp", "Wester", "Ooster", "Bouw", "Brand", "Dijks", "Feen", "Hai",
         "Jel", "Rie", "Sieb", "Tuin", "Wijn", "Zand", "Kroon", "Stam", "Vis", "Bok", "Fok",
         "Hiem", "Jong", "Kalk", "Klaas", "Lem", "Mul", "Oost", "Reit", "Sikk", "Stel", "Tjal",
         "Veld", "Vlie", "Bloem", "Riet", "Holt", "Rood", "Wiers"},
        {"stra", "sma", "ma", "inga", "ink", "ing", "ens", "huis", "man", "er", "hof", "kamp",
         " veld", "beek"});
    AddProducts(list,
        {"Hoog", "Ooster", "Wester", "Noorder", "Zuider", "Groote", "Klein", "Nieuwen", "Oude",
         "Hooge"},
        {"hout", "veld", "veen", "dijk", "berg", "kamp", "wijk", "huis", "hof", "broek",
         "water", "laan", "meer", "bosch", "beek"});
  });
  static const NameTail tail{.last = last.entries(), .last_share = 0.8};
  return tail;
}

// --- Polish: gendered -ski/-ska, and -wicz, -czyk, -ak that do not change -----------------------
const NameTail& PolishTail() {
  const Morphemes kRoots = {
      "Adam", "Bar", "Bart", "Bor", "Brzez", "Chmiel", "Czarn", "Dąbr|Dabr", "Dud", "Gór|Gor",
      "Grab", "Jab", "Jan", "Kaczm", "Kal", "Klim", "Kow", "Krzyż|Krzyz", "Kub", "Kur",
      "Las", "Lis", "Mac", "Mal", "Mich", "Mik", "Nowic", "Olsz", "Pawl", "Piotr", "Rut",
      "Sad", "Sob", "Stan", "Szul", "Tom", "Wal", "Wil", "Wit", "Zaj", "Żak|Zak", "Bogd",
      "Ciesiel", "Dziedz", "Fil", "Gaj", "Głow|Glow", "Jurk", "Kraw", "Łuk|Luk",
      "Ostr", "Pietr", "Rog", "Siw", "Sztur", "Wróbl|Wrobl", "Zawad", "Buk", "Mazur", "Baran",
      "Bednar", "Biel", "Błaszcz|Blaszcz", "Cich", "Czech", "Dom", "Drozd", "Falk", "Gawr", "Gol",
      "Grzyb", "Jak", "Jas", "Kacz", "Kmiec", "Kos", "Kot", "Krup", "Kwiat", "Lach", "Lip", "Mat",
      "Mrocz", "Nawr", "Niem", "Orzech", "Pas", "Pol", "Rad", "Rak", "Rys", "Sik", "Sok", "Sosn",
      "Szczep", "Szew", "Tkacz", "Urb", "Wasil", "Wilcz", "Wojt", "Zagór|Zagor", "Zdun",
      "Żuk|Zuk", "Jastrzęb|Jastrzeb", "Czap"};
  static const NameList male(kPolish.last, [&kRoots](NameList& list) {
    AddProducts(list, kRoots,
                {"owski", "ewski", "ski", "icki", "owicz", "czyk", "iak", "ek", "iec", "uch", "iński|inski"});
  });
  static const NameList female(kPolish.last_female, [&kRoots](NameList& list) {
    AddProducts(list, kRoots,
                {"owska", "ewska", "ska", "icka", "owicz", "czyk", "iak", "ek", "iec", "uch", "ińska|inska"});
  });
  static const NameTail tail{
      .last = male.entries(), .last_female = female.entries(), .last_share = 0.8};
  return tail;
}

// --- Nordic: Swedish nature compounds and Finnish -nen/-la/place names ---------------------------
const NameTail& NordicTail() {
  static const NameList last(kNordic.last, [](NameList& list) {
    AddProducts(list,
        {"Berg", "Lind", "Sjö|Sjo", "Ek", "Ny", "Ås|As", "Dahl", "Hag", "Holm", "Lund", "Sand",
         "Ström|Strom", "Al", "Björk|Bjork", "Blom", "Fors", "Gran", "Hed", "Kvarn", "Lil",
         "Malm", "Nord", "Rosen", "Sö|So", "Stjern", "Vall", "Väst|Vast", "Wik", "Ceder",
         "Lö|Lo", "Ham", "Hell", "Eng", "Fager", "Tall", "Ahl", "Sten", "Mo", "Bred", "Dal",
         "Eke", "Fjäll|Fjall", "Frid", "Gull", "Hall", "Hammar", "Hjelm", "Kull", "Lager", "Ling",
         "Norr", "Skog", "Sol", "Sund", "Tor", "Wall", "Wester", "Öst|Ost", "Kron", "Gyllen"},
        {"berg", "qvist|quist", "lund", "ström|strom", "gren", "holm", "dahl|dal", "blad",
         "bäck|back", "fors", "mark", "stedt", "vall", "sten", "bom", "man", "ander", "ell",
         "in", "ling"});
    AddProducts(list,
        {"Ax", "Bengt", "Bo", "Dan", "Einar", "Frans", "Gunnar", "Hans", "Ivar", "Jakob",
         "Jöns|Jons", "Kjell", "Lennart", "Magnus", "Mats", "Nils", "Ola", "Pål|Pal", "Ragnar",
         "Sigurd", "Sten", "Torbjörn|Torbjorn", "Ulf", "Viktor", "Åke|Ake"},
        {"sson"});
    AddProducts(list,
        {"Aalto", "Halo", "Hei", "Hyvä|Hyva", "Jokel", "Kallio", "Karja", "Koivu", "Kuusi",
         "Lahti", "Lehto", "Leino", "Mäki|Maki", "Niemi", "Paju", "Pelto", "Rauta", "Salo",
         "Suo", "Tammi", "Vainio", "Valko", "Virta", "Ylä|Yla", "Korpi", "Kivi"},
        {"nen", "la", "mäki|maki", "järvi|jarvi", "salo", "aho", "oja", "vaara", "koski",
         "niemi", "lahti", "maa"});
  });
  static const NameTail tail{.last = last.entries(), .last_share = 0.7};
  return tail;
}

// --- Greek: gendered -opoulos/-opoulou, -idis/-idou, -akis/-aki; Papa-, Kara-, Chatzi- ----------
const NameTail& GreekTail() {
  const Morphemes kStems = {
      "γεωργ|georg", "δημητρ|dimitr", "νικολ|nikol", "κωνσταντιν|konstantin", "αθανασ|athanas",
      "βασιλ|vasil", "χριστ|christ", "ιωανν|ioann", "παναγιωτ|panagiot", "σταυρ|stavr",
      "μιχαλ|michal", "αντων|anton", "αλεξ|alex", "σπυρ|spyr", "θεοδωρ|theodor",
      "ευαγγελ|evangel", "αγγελ|angel", "μανωλ|manol", "κυριακ|kyriak", "πετρ|petr",
      "παυλ|pavl", "στεφαν|stefan", "λαμπρ|lampr", "γιανν|giann", "μαρκ|mark",
      "φωτ|fot", "θωμ|thom", "ζαχαρ|zachar", "στρατ|strat", "λευκ|lefk",
      "μαυρ|mavr", "ρηγ|rig", "σιδερ|sider", "καλ|kal", "δασκαλ|daskal",
      "ραφτ|raft", "ψαρ|psar", "τσακ|tsak", "τζαν|tzan", "βλαχ|vlach", "κοντ|kont",
      "μπαλ|bal", "ξεν|xen", "πολυχρον|polychron", "σωτηρ|sotir", "τριαντ|triant",
      "χαραλαμπ|charalamb", "γρηγορ|grigor", "διαμαντ|diamant", "μελετ|melet",
      "αναστασ|anastas", "ευστρατ|efstrat", "ζαφειρ|zafeir", "θεοχαρ|theochar", "κουτσ|kouts",
      "μακρ|makr", "νικηφορ|nikifor", "ξανθ|xanth", "οικονομ|oikonom", "σαββ|savv",
      "σκορδ|skord", "σταματ|stamat", "φιλιππ|filipp", "χρυσ|chrys", "ψωμ|psom", "αργυρ|argyr",
      "γαλαν|galan", "δρακ|drak", "λαζαρ|lazar", "πανταζ|pantaz"};
  const Morphemes kPrefixes = {"", "παπα|papa", "καρα|kara", "χατζη|chatzi|hatzi"};
  const Morphemes kMale = {"όπουλος|opoulos", "ίδης|idis|ides", "άκης|akis", "άτος|atos",
                               "ίου|iou", "ιάδης|iadis"};
  const Morphemes kFemale = {"οπούλου|opoulou", "ίδου|idou", "άκη|aki", "άτου|atou",
                                 "ίου|iou", "ιάδου|iadou"};
  // Alternative i of a prefix, stem and ending are one script, so one loop per prefix.
  auto fill = [&kStems, &kPrefixes](Morphemes endings) {
    return [&kStems, &kPrefixes, endings](NameList& list) {
      for (std::string_view prefix : kPrefixes) {
        for (std::string_view stem : kStems) {
          AddProducts(list, {Join({prefix, stem})}, endings, true);
        }
      }
    };
  };
  static const NameList male(kGreek.last, fill(kMale));
  static const NameList female(kGreek.last_female, fill(kFemale));
  static const NameTail tail{
      .last = male.entries(), .last_female = female.entries(), .last_share = 0.85};
  return tail;
}

// --- Russian: gendered -ov/-ova, -in/-ina, -ovsky/-ovskaya; -enko for both --------------------------
const NameTail& RussianTail() {
  const Morphemes kStems = {
      "Волк|Volk", "Орл|Orl", "Сок|Sok", "Лис|Lis", "Бык|Byk", "Коз|Koz", "Баран|Baran", "Петух|Petukh", "Жук|Zhuk",
      "Кузнец|Kuznets", "Мельник|Melnik", "Плотник|Plotnik", "Гончар|Gonchar", "Рыбак|Rybak",
      "Бондар|Bondar", "Кожемяк|Kozhemyak", "Пахом|Pakhom", "Фом|Fom",
      "Ермак|Yermak|Ermak", "Богдан|Bogdan", "Демид|Demid", "Захар|Zakhar", "Никит|Nikit",
      "Прохор|Prokhor", "Родион|Rodion", "Степан|Stepan", "Трофим|Trofim", "Устин|Ustin",
      "Федот|Fedot", "Харитон|Khariton", "Абрам|Abram", "Борис|Boris", "Глеб|Gleb",
      "Денис|Denis", "Ерем|Yerem", "Кирилл|Kirill", "Макар|Makar", "Назар|Nazar",
      "Остап|Ostap", "Потап|Potap", "Савел|Savel", "Тарас|Taras", "Ярослав|Yaroslav",
      "Белоус|Belous", "Черн|Chern", "Бел|Bel", "Сух|Sukh", "Крас|Kras", "Нов|Nov",
      "Стар|Star", "Мороз|Moroz", "Снег|Sneg", "Гром|Grom", "Камен|Kamen", "Берез|Berez",
      "Лесн|Lesn", "Дуб|Dub", "Клен|Klen", "Полян|Polyan", "Озер|Ozer", "Рек|Rek",
      "Горб|Gorb", "Голуб|Golub", "Ворон|Voron", "Грач|Grach", "Дрозд|Drozd", "Сорок|Sorok",
      "Щегл|Shchegl", "Колес|Koles", "Котел|Kotel", "Молот|Molot", "Топор|Topor",
      "Калин|Kalin", "Малин|Malin", "Рябин|Ryabin", "Смородин|Smorodin", "Баж|Bazh",
      "Жар|Zhar", "Зор|Zor", "Луч|Luch", "Светл|Svetl", "Тих|Tikh", "Весел|Vesel",
      "Добр|Dobr", "Мил|Mil", "Лаз|Laz", "Рож|Rozh", "Сав|Sav", "Тит|Tit", "Шуст|Shust",
      "Юд|Yud", "Гаврил|Gavril", "Данил|Danil", "Емел|Yemel|Emel",
      "Игнат|Ignat", "Лукьян|Lukyan", "Мартын|Martyn", "Нестер|Nester", "Осип|Osip",
      "Алекс|Aleks", "Белк|Belk", "Бобр|Bobr", "Булат|Bulat", "Быстр|Bystr", "Варлам|Varlam",
      "Голован|Golovan", "Горох|Gorokh", "Дорох|Dorokh", "Ермол|Yermol|Ermol", "Ждан|Zhdan",
      "Зим|Zim", "Казак|Kazak", "Карп|Karp", "Клим|Klim", "Комар|Komar", "Кондрат|Kondrat",
      "Кот|Kot", "Крыл|Kryl", "Кудр|Kudr", "Лавр|Lavr", "Ларион|Larion", "Лук|Luk",
      "Мамон|Mamon", "Масл|Masl", "Мух|Mukh", "Никон|Nikon", "Одинц|Odints", "Панкрат|Pankrat",
      "Рыж|Ryzh", "Сазон|Sazon", "Самсон|Samson", "Сафрон|Safron", "Семён|Semyon|Semen",
      "Сидор|Sidor", "Сур|Sur", "Тихон|Tikhon", "Фирс|Firs", "Фрол|Frol", "Шил|Shil",
      "Щук|Shchuk"};
  const Morphemes kMale = {"ов|ov", "ин|in", "овский|ovsky|ovskiy", "енко|enko",
                               "ских|skikh"};
  const Morphemes kFemale = {"ова|ova", "ина|ina", "овская|ovskaya", "енко|enko",
                                 "ских|skikh"};
  static const NameList male(kRussian.last,
                             [&](NameList& list) { AddProducts(list, kStems, kMale); });
  static const NameList female(kRussian.last_female,
                               [&](NameList& list) { AddProducts(list, kStems, kFemale); });
  static const NameTail tail{
      .last = male.entries(), .last_female = female.entries(), .last_share = 0.8};
  return tail;
}

// --- Indian: South Indian compounds ("Venkat" + "araman") and western and northern endings ------
const NameTail& IndianTail() {
  static const NameList last(kIndian.last, [](NameList& list) {
    AddProducts(list,
        {"Venkat", "Krishna", "Rama", "Siva|Shiva", "Subra", "Lakshmi", "Nara", "Gopal",
         "Bala", "Raghu", "Sundar", "Ananta", "Vasu", "Hari", "Chandra", "Surya", "Sesha",
         "Parthasa", "Padma", "Sri", "Raja", "Guru", "Mohan", "Jaya", "Vijaya", "Sankara",
         "Ganapa", "Kesava", "Madhava", "Narasimha", "Rangana", "Srini", "Thiru", "Vaidya",
         "Veera", "Vishwa", "Anand", "Deva", "Dhana", "Siddha", "Muthu", "Palani", "Chinna", "Ponnu", "Thanga", "Selva", "Arul", "Jeya", "Sethu", "Shanmuga", "Kasi", "Natesa", "Sabari", "Durai", "Periya", "Mani", "Subbu", "Anbu", "Kumara", "Raghava", "Thyaga", "Vaithi"},
        {"araman", "raman", "murthy|moorthy", "swamy|swami", "nathan", "krishnan", "rajan",
         "subramanian", "sundaram", "chari|chary", "iah", "appa", "an", "esan", "kumar",
         "prasad", "rao", "eswaran", "narayanan", "raj", "vel", "samy", "madhavan", "velu",
         "sekar|sekhar", "lingam", "selvan", "durai", "mani"},
        false, true);
    AddProducts(list,
        {"Khandel", "Jais", "Agra", "Bansi", "Goyal", "Kejri", "Lal", "Maheshwa", "Mittal",
         "Oswal", "Poddar", "Singhal", "Tandon", "Jindal", "Garg", "Bhar", "Sabhar", "Ahlu"},
        {"wal", "wala|walla"});
    AddProducts(list,
        {"Ad", "Mirchand", "Lalw", "Bhagn", "Chug", "Gidw", "Hiran", "Jethm", "Kirpal",
         "Motw", "Punj", "Ramch", "Sadh", "Tekch", "Vasw", "Kot", "Gul", "Sahn"},
        {"ani"});
    AddProducts(list,
        {"Gavas", "Tendul", "Mangesh", "Kelkar|Kel", "Pednekar|Pedne", "Gokh", "Ambed", "Sav",
         "Joshi", "Bhand", "Kulkar", "Agar", "Sardes", "Naik", "Patan", "Shir", "Wad", "Khad",
         "Dhul", "Kamat"},
        {"kar"});
  });
  static const GivenAndLastTail tail(kIndian, kIndianRarerMale, kIndianRarerFemale, last, 0.45,
                                     0.75);
  return tail.tail;
}

// --- Japanese: two kanji, each with the reading it takes first and the one it takes second -----
// (rendaku: 川 is kawa first, often gawa second). A long vowel is written with a macron and
// spelled the three ways the head entries are (Ono|Ōno|Ohno).
struct Kanji {
  std::string_view glyph;
  std::string_view first;   // reading at the start of a name; empty: not used first
  std::string_view second;  // reading at the end; empty: not used last
};

constexpr Kanji kJapaneseKanji[] = {
    {"山", "Yama", "yama"},  {"田", "Ta", "da"},        {"中", "Naka", "naka"},
    {"村", "Mura", "mura"},  {"川", "Kawa", "gawa"},    {"木", "Ki", "ki"},
    {"本", "Moto", "moto"},  {"井", "I", "i"},          {"藤", "Fuji", "tō"},
    {"野", "No", "no"},      {"原", "Hara", "hara"},    {"松", "Matsu", "matsu"},
    {"島", "Shima", "jima"}, {"石", "Ishi", "ishi"},    {"森", "Mori", "mori"},
    {"高", "Taka", "taka"},  {"橋", "Hashi", "hashi"},  {"大", "Ō", ""},
    {"小", "Ko", ""},        {"長", "Naga", "naga"},    {"岡", "Oka", "oka"},
    {"前", "Mae", "mae"},    {"西", "Nishi", "nishi"},  {"北", "Kita", "kita"},
    {"上", "Ue", "kami"},    {"下", "Shimo", "shita"},  {"宮", "Miya", "miya"},
    {"内", "Uchi", "uchi"},  {"沢", "Sawa", "zawa"},    {"谷", "Tani", "tani"},
    {"吉", "Yoshi", "yoshi"}, {"竹", "Take", "take"},   {"池", "Ike", "ike"},
    {"平", "Hira", "hira"},  {"福", "Fuku", "fuku"},    {"今", "Ima", ""},
    {"坂", "Saka", "zaka"},  {"浜", "Hama", "hama"},    {"口", "", "guchi"},
    {"崎", "", "zaki"},      {"部", "", "be"},          {"白", "Shira", ""},
    {"黒", "Kuro", ""},      {"金", "Kane", "gane"},    {"青", "Ao", ""},
    {"秋", "Aki", "aki"},    {"安", "Yasu", "yasu"},    {"永", "Naga", "naga"},
    {"杉", "Sugi", "sugi"},  {"堀", "Hori", "bori"},    {"東", "Higashi", ""},
    {"江", "E", "e"},        {"岩", "Iwa", "iwa"},      {"水", "Mizu", "mizu"},
    {"早", "Haya", ""},      {"星", "Hoshi", "boshi"},  {"寺", "Tera", "dera"},
    {"城", "Shiro", "shiro"}, {"土", "Tsuchi", ""},     {"柴", "Shiba", "shiba"},
    {"梅", "Ume", ""},       {"熊", "Kuma", "kuma"},    {"船", "Funa", "bune"},
    {"桜", "Sakura", ""},    {"菊", "Kiku", "kiku"},    {"新", "Nii", ""},
    {"荒", "Ara", ""},       {"渡", "Wata", ""},        {"塚", "", "tsuka"},
    {"尾", "", "o"},         {"瀬", "Se", "se"},        {"見", "", "mi"},
};

// "Ōno" → "Ono|Ōno|Ohno"; a reading without a long vowel has one spelling.
std::string JapaneseSpellings(std::string_view glyphs, const std::string& reading) {
  std::string plain, oh;
  for (size_t i = 0; i < reading.size(); ++i) {
    const std::string_view rest = std::string_view(reading).substr(i);
    if (rest.starts_with("ō") || rest.starts_with("Ō")) {
      plain += rest.starts_with("ō") ? "o" : "O";
      oh += rest.starts_with("ō") ? "oh" : "Oh";
      ++i;  // the macron letter is two bytes
    } else {
      plain += reading[i];
      oh += reading[i];
    }
  }
  std::string out(glyphs);
  out.append("|").append(plain);
  if (plain != reading) out.append("|").append(reading).append("|").append(oh);
  return out;
}

const NameTail& JapaneseTail() {
  static const NameList last(kJapanese.last, [](NameList& list) {
    for (const Kanji& a : kJapaneseKanji) {
      for (const Kanji& b : kJapaneseKanji) {
        if (a.first.empty() || b.second.empty() || a.glyph == b.glyph) continue;
        list.Add(JapaneseSpellings(std::string(a.glyph) + std::string(b.glyph),
                                   std::string(a.first) + std::string(b.second)));
      }
    }
  });
  static const GivenAndLastTail tail(kJapanese, kJapaneseRarerMale, kJapaneseRarerFemale, last, 0.5,
                                     0.7);
  return tail.tail;
}

// --- Chinese: two-character given names, male and female sets ------------------------------------
struct Hanzi {
  std::string_view glyph;
  std::string_view pinyin;  // capitalized
};

constexpr Hanzi kChineseMaleHanzi[] = {
    {"伟", "Wei"},  {"强", "Qiang"}, {"磊", "Lei"},  {"军", "Jun"},  {"洋", "Yang"},
    {"勇", "Yong"}, {"杰", "Jie"},   {"涛", "Tao"},  {"明", "Ming"}, {"超", "Chao"},
    {"平", "Ping"}, {"刚", "Gang"},  {"建", "Jian"}, {"国", "Guo"},  {"文", "Wen"},
    {"志", "Zhi"},  {"海", "Hai"},   {"宇", "Yu"},   {"浩", "Hao"},  {"晨", "Chen"},
    {"子", "Zi"},   {"睿", "Rui"},   {"博", "Bo"},   {"嘉", "Jia"},  {"思", "Si"},
    {"华", "Hua"},  {"俊", "Jun"},   {"鹏", "Peng"}, {"辉", "Hui"},  {"斌", "Bin"},
    {"林", "Lin"},  {"成", "Cheng"}, {"东", "Dong"}, {"峰", "Feng"}, {"龙", "Long"},
    {"家", "Jia"},  {"天", "Tian"},  {"轩", "Xuan"}, {"泽", "Ze"},   {"哲", "Zhe"},
};
constexpr Hanzi kChineseFemaleHanzi[] = {
    {"芳", "Fang"}, {"娜", "Na"},   {"敏", "Min"},  {"静", "Jing"}, {"丽", "Li"},
    {"艳", "Yan"},  {"娟", "Juan"}, {"秀", "Xiu"},  {"霞", "Xia"},  {"桂", "Gui"},
    {"英", "Ying"}, {"华", "Hua"},  {"玉", "Yu"},   {"兰", "Lan"},  {"婷", "Ting"},
    {"雪", "Xue"},  {"佳", "Jia"},  {"欣", "Xin"},  {"晨", "Chen"}, {"思", "Si"},
    {"梓", "Zi"},   {"涵", "Han"},  {"怡", "Yi"},   {"琳", "Lin"},  {"嘉", "Jia"},
    {"美", "Mei"},  {"玲", "Ling"}, {"慧", "Hui"},  {"雅", "Ya"},   {"晓", "Xiao"},
    {"月", "Yue"},  {"婉", "Wan"},  {"颖", "Ying"}, {"倩", "Qian"}, {"文", "Wen"},
    {"萍", "Ping"}, {"红", "Hong"}, {"燕", "Yan"},  {"洁", "Jie"},  {"瑶", "Yao"},
};

// 思涵 → "思涵|Sihan", and for some names also "Si Han" or "Si-Han", as the head entries do.
void AddChineseGivenNames(NameList& list, std::span<const Hanzi> hanzi) {
  size_t n = 0;
  for (const Hanzi& a : hanzi) {
    for (const Hanzi& b : hanzi) {
      if (a.glyph == b.glyph) continue;
      std::string second;
      AppendCase(b.pinyin, false, second);
      std::string spellings = std::string(a.glyph) + std::string(b.glyph) + "|" +
                              std::string(a.pinyin) + second;
      if (n % 3 == 1) spellings.append("|").append(a.pinyin).append(" ").append(b.pinyin);
      if (n % 3 == 2) spellings.append("|").append(a.pinyin).append("-").append(b.pinyin);
      list.Add(std::move(spellings));
      ++n;
    }
  }
}

const NameTail& ChineseTail() {
  static const NameList male(kChinese.male,
                             [](NameList& list) { AddChineseGivenNames(list, kChineseMaleHanzi); });
  static const NameList female(
      kChinese.female, [](NameList& list) { AddChineseGivenNames(list, kChineseFemaleHanzi); });
  static const NameTail tail{
      .male = male.entries(), .female = female.entries(), .first_share = 0.7};
  return tail;
}

// --- Arabic: nisbas (Al-Qahtani), Al-, Abu and Bin with a name, Abdul with an attribute --------
struct Arabic {
  std::string_view script;
  std::string_view latin;  // '|' alternatives
};

// Family names in the nisba form, written whole (the article assimilates and vowels shift).
constexpr Arabic kArabicNisbas[] = {
    {"القحطاني", "Qahtani"}, {"الغامدي", "Ghamdi"},   {"الزهراني", "Zahrani"},
    {"الحربي", "Harbi"},     {"المطيري", "Mutairi"},  {"الدوسري", "Dosari|Dossari"},
    {"الشهري", "Shehri|Shahri"}, {"العمري", "Amri|Omari"}, {"العنزي", "Anazi|Enezi"},
    {"السبيعي", "Subaie|Subaei"}, {"المالكي", "Maliki"}, {"البغدادي", "Baghdadi"},
    {"المصري", "Masri|Misri"}, {"الحلبي", "Halabi"},   {"الشامي", "Shami"},
    {"التونسي", "Tunisi"},   {"المغربي", "Maghribi"}, {"اليمني", "Yamani"},
    {"الحجازي", "Hijazi|Hejazi"}, {"النجدي", "Najdi"}, {"البصري", "Basri"},
    {"الكوفي", "Kufi"},      {"الحسيني", "Husseini|Hussaini"}, {"التميمي", "Tamimi"},
    {"القرشي", "Qurashi|Qureshi"}, {"الأنصاري", "Ansari"}, {"الكندي", "Kindi"},
    {"الجبري", "Jabri"},     {"السعدي", "Saadi"},     {"الخالدي", "Khalidi"},
    {"الراشدي", "Rashidi"},  {"الحمادي", "Hammadi"},  {"النعيمي", "Nuaimi"},
    {"الكتبي", "Ketbi"},     {"المري", "Marri"},      {"الكعبي", "Kaabi"},
    {"الظاهري", "Dhaheri"},  {"الشامسي", "Shamsi"},   {"السويدي", "Suwaidi"},
    {"الفلاسي", "Falasi"},   {"المزروعي", "Mazrouei"}, {"البلوشي", "Balushi"},
    {"الزعابي", "Zaabi"},    {"المهيري", "Muhairi"},  {"الحوسني", "Hosani"},
    {"العبيدي", "Obaidi"},   {"الجبوري", "Jubouri"},  {"الدليمي", "Dulaimi"},
    {"الربيعي", "Rubaie"},   {"الساعدي", "Saedi"},
};

// Names that are also family names: bare (Haddad) or after Al-, Abu, Bin.
constexpr Arabic kArabicNames[] = {
    {"حسين", "Hussein|Hussain"}, {"عمر", "Omar"},    {"خالد", "Khalid|Khaled"},
    {"سعيد", "Saeed|Said"},     {"حمد", "Hamad"},   {"رشيد", "Rashid|Rasheed"},
    {"صالح", "Saleh|Salih"},    {"محمود", "Mahmoud|Mahmud"}, {"مصطفى", "Mustafa|Moustafa"},
    {"إبراهيم", "Ibrahim"},     {"إسماعيل", "Ismail"}, {"يوسف", "Youssef|Yousef"},
    {"يعقوب", "Yaqoub|Yacoub"}, {"موسى", "Musa|Moussa"}, {"عيسى", "Issa|Eissa"},
    {"إدريس", "Idris|Idriss"},  {"سليمان", "Suleiman|Sulaiman"}, {"حمدان", "Hamdan"},
    {"زايد", "Zayed"},          {"سلطان", "Sultan"}, {"فهد", "Fahad|Fahd"},
    {"ماجد", "Majid|Majed"},    {"طارق", "Tariq|Tarek"}, {"جمال", "Jamal|Gamal"},
    {"كمال", "Kamal"},          {"عادل", "Adel|Adil"}, {"بكر", "Bakr|Bakar"},
    {"زيد", "Zaid|Zeid"},       {"حمزة", "Hamza|Hamzah"}, {"بلال", "Bilal"},
    {"أنور", "Anwar|Anouar"},   {"نبيل", "Nabil|Nabeel"}, {"وليد", "Walid|Waleed"},
    {"جابر", "Jaber|Jabir"},    {"أمين", "Amin|Ameen"}, {"هشام", "Hisham|Hicham"},
    {"مروان", "Marwan"},        {"سمير", "Samir|Sameer"}, {"زياد", "Ziad|Ziyad"},
    {"بسام", "Bassam"},         {"غسان", "Ghassan"}, {"عماد", "Imad|Emad"},
    {"نزار", "Nizar"},          {"فؤاد", "Fouad|Fuad"}, {"شكري", "Shukri|Choukri"},
    {"درويش", "Darwish|Darwich"}, {"عثمان", "Othman|Osman"}, {"قاسم", "Qasim|Kassem"},
    {"راشد", "Rashed"},         {"ياسين", "Yassin|Yassine"},
};

// Occupational family names, used bare.
constexpr Arabic kArabicTrades[] = {
    {"نجار", "Najjar|Najar"},   {"خياط", "Khayyat|Khayat"}, {"صباغ", "Sabbagh"},
    {"عطار", "Attar"},          {"حلاق", "Hallaq|Hallak"}, {"قصاب", "Qassab|Kassab"},
    {"خباز", "Khabbaz"},        {"فخوري", "Fakhoury"}, {"شماس", "Shammas"},
    {"حكيم", "Hakim"},          {"طحان", "Tahhan|Tahan"}, {"زيات", "Zayyat|Zayat"},
    {"جزار", "Jazzar|Jazar"},   {"دباغ", "Dabbagh"}, {"سمان", "Samman"},
};

// Attributes after Abdul ("servant of"): عبدالعزيز Abdulaziz.
constexpr Arabic kArabicAttributes[] = {
    {"عزيز", "Aziz"},   {"كريم", "Karim"},   {"رحيم", "Rahim"},  {"مالك", "Malik"},
    {"قادر", "Qadir|Kader"}, {"لطيف", "Latif"}, {"حميد", "Hamid"}, {"مجيد", "Majid"},
    {"حكيم", "Hakim"},  {"وهاب", "Wahab"},   {"رزاق", "Razzaq|Razak"}, {"جبار", "Jabbar"},
    {"غني", "Ghani"},   {"حليم", "Halim"},   {"سلام", "Salam"},  {"هادي", "Hadi"},
    {"باري", "Bari"},   {"ستار", "Sattar"},  {"جليل", "Jalil"},  {"واحد", "Wahid"},
};

std::string ArabicLower(std::string_view latin) {
  std::string out(latin);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

// `prefix` in Arabic and its Latin forms, each followed by the first Latin spelling: "Al-X|Al X|Alx".
std::string ArabicCompound(std::string_view script_prefix, const Arabic& name,
                           std::initializer_list<std::string_view> latin_prefixes,
                           bool lower_after_bare) {
  std::string out = std::string(script_prefix) + std::string(name.script);
  const std::string_view latin = Alternative(name.latin, 0);
  for (std::string_view prefix : latin_prefixes) {
    out.append("|").append(prefix);
    out += lower_after_bare && !prefix.ends_with(' ') && !prefix.ends_with('-')
               ? ArabicLower(latin)
               : std::string(latin);
  }
  return out;
}

const NameTail& ArabicTail() {
  static const NameList last(kArabic.last, [](NameList& list) {
    for (const Arabic& nisba : kArabicNisbas) {
      list.Add(ArabicCompound("", nisba, {"Al-", "Al ", "Al", "El-"}, true));
    }
    for (const Arabic& name : kArabicNames) {
      list.Add(std::string(name.script) + "|" + std::string(name.latin));
      list.Add(ArabicCompound("ال", name, {"Al-", "Al ", "El-"}, true));
      list.Add(ArabicCompound("أبو ", name, {"Abu ", "Abou ", "Abu-"}, false));
      list.Add(ArabicCompound("بن ", name, {"Bin ", "Ben ", "Bin-"}, false));
    }
    for (const Arabic& trade : kArabicTrades) {
      list.Add(std::string(trade.script) + "|" + std::string(trade.latin));
      list.Add(ArabicCompound("ال", trade, {"Al-", "Al ", "El-"}, true));
    }
    for (const Arabic& attribute : kArabicAttributes) {
      list.Add(ArabicCompound("عبدال", attribute, {"Abdul", "Abdul ", "Abdel ", "Abd al-"},
                              true));
    }
  });
  static const NameTail tail{.last = last.entries(), .last_share = 0.75};
  return tail;
}

// clang-format on

}  // namespace

const NameTail& TailOf(const Culture& culture) {
  static constexpr struct {
    const Culture* culture;
    const NameTail& (*tail)();
  } kTails[] = {
      {&kEnglish, EnglishTail},   {&kGaelic, GaelicTail},   {&kGerman, GermanTail},
      {&kFrench, FrenchTail},     {&kSpanish, SpanishTail}, {&kPortuguese, PortugueseTail},
      {&kItalian, ItalianTail},   {&kDutch, DutchTail},     {&kPolish, PolishTail},
      {&kGreek, GreekTail},       {&kRussian, RussianTail}, {&kChinese, ChineseTail},
      {&kJapanese, JapaneseTail}, {&kArabic, ArabicTail},   {&kIndian, IndianTail},
      {&kNordic, NordicTail},
  };
  for (const auto& entry : kTails) {
    if (entry.culture == &culture) return entry.tail();
  }
  static const NameTail kNone{};
  return kNone;
}

}  // namespace pdc::generate
