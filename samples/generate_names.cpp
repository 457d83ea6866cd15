// Person-name data: one Culture per naming tradition, plus job titles and junk values. Spelling
// lists put the canonical (often native-script) form first and then the ways the same name shows
// up in real CRM exports: ASCII fallbacks ("Mueller"), transliterations ("Ivan"), apostrophe
// variants ("O’Brien"), particle casing ("Van der Berg").
//
// These lists are each culture's head: its commonest names, ordered by frequency (commonest
// first) and drawn with weights that fall with the rank, with the edge cases (hyphens,
// particles, apostrophes) last. Real name frequencies are long-tailed, and a matcher's precision
// on names depends on how often unrelated people share one, so most surnames (Chinese: given
// names) come instead from the culture's tail of rare names (generate_name_tail.cpp).
#include "samples/generate_internal.h"

namespace pdc::generate {
namespace {

// Tables are packed several entries per line by hand; automatic formatting would put one per line.
// clang-format off

// --- English ----------------------------------------------------------------------------------
constexpr NameEntry kEnglishMale[] = {
    {"James", "", "Jim|Jimmy|Jamie"}, {"John", "", "Jack|Johnny"}, {"Robert", "", "Bob|Rob|Bobby"},
    {"Michael", "", "Mike|Mick"}, {"William", "", "Bill|Will|Billy"}, {"David", "", "Dave"},
    {"Richard", "", "Rick|Rich|Dick"}, {"Joseph", "", "Joe|Joey"}, {"Thomas", "", "Tom|Tommy"},
    {"Christopher", "", "Chris"}, {"Daniel", "", "Dan|Danny"}, {"Matthew", "", "Matt"},
    {"Anthony", "", "Tony"}, {"Andrew", "", "Andy|Drew"}, {"Steven", "", "Steve"},
    {"Edward", "", "Ed|Eddie|Ted"}, {"Brian"}, {"Kevin"}, {"Jason"}, {"Ryan"},
    {"Nicholas", "", "Nick"}, {"Jonathan", "", "Jon"}, {"Samuel", "", "Sam"},
    {"Benjamin", "", "Ben"}, {"Alexander", "", "Alex"}, {"Patrick", "", "Pat"},
    {"Gregory", "", "Greg"}, {"Timothy", "", "Tim"}, {"Jeffrey", "", "Jeff"}, {"Scott"}, {"Eric"},
    {"Mark"}, {"Paul"}, {"Adam"}, {"Justin"}, {"Brandon"}, {"Tyler"}, {"Aaron"},
    {"Nathan", "", "Nate"}, {"Zachary", "", "Zach|Zack"}, {"Kyle"}, {"Ethan"}, {"Logan"}, {"Mason"},
    {"Oliver", "", "Ollie"}, {"Harry"}, {"George"}, {"Charles", "", "Charlie|Chuck"},
};
constexpr NameEntry kEnglishFemale[] = {
    {"Mary"}, {"Patricia", "", "Pat|Patty|Trish"}, {"Jennifer", "", "Jen|Jenny"}, {"Linda"},
    {"Elizabeth", "", "Liz|Beth|Lizzie"}, {"Barbara", "", "Barb"}, {"Susan", "", "Sue|Susie"},
    {"Jessica", "", "Jess"}, {"Sarah"}, {"Karen"}, {"Nancy"}, {"Lisa"},
    {"Margaret", "", "Maggie|Peggy|Meg"}, {"Sandra"}, {"Ashley"}, {"Kimberly", "", "Kim"},
    {"Emily"}, {"Donna"}, {"Michelle"}, {"Katherine", "", "Kate|Katie|Kathy"},
    {"Rebecca", "", "Becky|Becca"}, {"Laura"}, {"Amanda", "", "Mandy"}, {"Stephanie", "", "Steph"},
    {"Rachel"}, {"Samantha", "", "Sam"}, {"Olivia", "", "Liv"}, {"Emma"}, {"Hannah"}, {"Megan"},
    {"Lauren"}, {"Victoria", "", "Vicky|Tori"}, {"Abigail", "", "Abby"}, {"Chloe"}, {"Grace"},
    {"Sophie"}, {"Charlotte", "", "Charlie"}, {"Amelia"}, {"Natalie"}, {"Heather"},
    {"Deborah", "", "Deb|Debbie"}, {"Christine", "", "Chris"}, {"Catherine", "", "Cathy|Kate"},
};
constexpr NameEntry kEnglishLast[] = {
    {"Smith"}, {"Johnson"}, {"Williams"}, {"Brown"}, {"Jones"}, {"Miller"}, {"Davis"}, {"Wilson"},
    {"Anderson"}, {"Taylor"}, {"Thomas"}, {"Moore"}, {"Martin"}, {"Jackson"}, {"Thompson"},
    {"White"}, {"Harris"}, {"Clark"}, {"Lewis"}, {"Robinson"}, {"Walker"}, {"Young"}, {"Allen"},
    {"King"}, {"Wright"}, {"Scott"}, {"Hill"}, {"Green"}, {"Adams"}, {"Baker"}, {"Nelson"},
    {"Carter"}, {"Mitchell"}, {"Roberts"}, {"Turner"}, {"Phillips"}, {"Campbell"}, {"Parker"},
    {"Evans"}, {"Edwards"}, {"Collins"}, {"Stewart"}, {"Morris"}, {"Cook"}, {"Rogers"}, {"Morgan"},
    {"Cooper"}, {"Peterson"}, {"Reed"}, {"Bailey"}, {"Bell"}, {"Howard"}, {"Ward"}, {"Cox"},
    {"Richardson"}, {"Wood"}, {"Watson"}, {"Brooks"}, {"Bennett"}, {"Gray|Grey"}, {"Hughes"},
    {"Price"}, {"Sanders"}, {"Myers"}, {"Long"}, {"Ross"}, {"Foster"}, {"Hawthorne"}, {"Whitaker"},
    {"Pemberton"}, {"Ashworth"}, {"Smith-Jones|Smith Jones|SmithJones"},
    {"St. John|St John|Saint John"}, {"Fairbanks"}, {"Holloway"}, {"Kensington"}, {"Blackwood"},
    {"Thornton"}, {"Lockhart"}, {"Prescott"},
};

// --- Irish and Scottish --------------------------------------------------------------------------
constexpr NameEntry kGaelicMale[] = {
    {"Seán|Sean|Shaun"}, {"Patrick", "", "Pat|Paddy"}, {"Liam"}, {"Conor|Connor"},
    {"Ciarán|Ciaran"}, {"Eoin"}, {"Declan"}, {"Niall"}, {"Cillian|Killian"}, {"Darragh"},
    {"Callum"}, {"Angus"}, {"Hamish"}, {"Euan|Ewan"}, {"Fraser"}, {"Ruairí|Ruairi|Rory"},
    {"Pádraig|Padraig"},
};
constexpr NameEntry kGaelicFemale[] = {
    {"Siobhán|Siobhan"}, {"Aoife"},  {"Niamh"},         {"Saoirse"},
    {"Caoimhe"},         {"Ciara"},  {"Orla"},          {"Róisín|Roisin"},
    {"Máiréad|Mairead"}, {"Fiona"},  {"Isla"},          {"Eilidh"},
    {"Morag"},           {"Kirsty"}, {"Sinéad|Sinead"}, {"Aisling"},
};
constexpr NameEntry kGaelicLast[] = {
    {"O'Brien|O’Brien|OBrien|O Brien"}, {"O'Sullivan|O’Sullivan|OSullivan"},
    {"O'Connor|O’Connor|OConnor"}, {"O'Neill|O’Neill|ONeill"}, {"O'Reilly|O’Reilly|OReilly"},
    {"McDonald|Mcdonald|MacDonald|Mc Donald"}, {"MacLeod|Macleod|McLeod"}, {"McCarthy|Mccarthy"},
    {"MacKenzie|Mackenzie|McKenzie"}, {"McGregor|MacGregor|Mcgregor"}, {"Murphy"}, {"Kelly"},
    {"Byrne"}, {"Ryan"}, {"Walsh"}, {"Doyle"}, {"Gallagher"}, {"Fitzpatrick"}, {"Robertson"},
    {"Fraser"}, {"Quinn"}, {"Kennedy"}, {"Sweeney"}, {"Ní Bhriain|Ni Bhriain"},
    {"Mac Giolla Phádraig|Mac Giolla Phadraig"},
};

// --- German ------------------------------------------------------------------------------------
constexpr NameEntry kGermanMale[] = {
    {"Jürgen|Juergen|Jurgen"}, {"Klaus"}, {"Stefan"}, {"Thomas"}, {"Michael"}, {"Andreas"},
    {"Wolfgang"}, {"Matthias"}, {"Markus|Marcus"}, {"Christian"}, {"Sebastian"}, {"Tobias"},
    {"Lukas|Lucas"}, {"Jan"}, {"Florian"}, {"Felix"}, {"Maximilian", "", "Max"},
    {"Jörg|Joerg|Jorg"}, {"Uwe"}, {"Dieter"}, {"Hans-Peter|Hans Peter|Hanspeter"},
    {"Johannes", "", "Hannes|Hans"}, {"Björn|Bjoern|Bjorn"}, {"Günter|Guenter|Gunter"},
};
constexpr NameEntry kGermanFemale[] = {
    {"Anna"}, {"Julia"}, {"Katharina", "", "Kathi"}, {"Sabine"}, {"Claudia"}, {"Petra"}, {"Monika"},
    {"Susanne"}, {"Stefanie|Stephanie"}, {"Laura"}, {"Lena"}, {"Lea"}, {"Sophie"}, {"Hannah"},
    {"Birgit"}, {"Ursula", "", "Uschi"}, {"Jana"}, {"Anja"}, {"Bärbel|Baerbel"}, {"Jutta"},
    {"Gisela"}, {"Anne-Kathrin|Anne Kathrin|Annekathrin"}, {"Jülide|Julide"},
};
constexpr NameEntry kGermanLast[] = {
    {"Müller|Mueller|Muller"}, {"Schmidt"}, {"Schneider"}, {"Fischer"}, {"Weber"}, {"Meyer"},
    {"Wagner"}, {"Becker"}, {"Schulz"}, {"Hoffmann"}, {"Schäfer|Schaefer|Schafer"}, {"Koch"},
    {"Bauer"}, {"Richter"}, {"Klein"}, {"Wolf"}, {"Schröder|Schroeder|Schroder"}, {"Neumann"},
    {"Schwarz"}, {"Zimmermann"}, {"Braun"}, {"Krüger|Krueger|Kruger"}, {"Hofmann"}, {"Hartmann"},
    {"Lange"}, {"Groß|Gross|Gross"}, {"Weiß|Weiss"}, {"Jäger|Jaeger|Jager"},
    {"Köhler|Koehler|Kohler"}, {"von Bülow|von Buelow|Von Bülow|v. Bülow"},
    {"Hübner|Huebner|Hubner"}, {"Löffler|Loeffler"}, {"Meier-Böhm|Meier-Boehm|Meier Böhm"},
    {"Straßburger|Strassburger"},
};

// --- French ------------------------------------------------------------------------------------
constexpr NameEntry kFrenchMale[] = {
    {"François|Francois"}, {"Jean-Pierre|Jean Pierre|Jean-pierre"}, {"Pierre"}, {"Louis"},
    {"Nicolas"}, {"Julien"}, {"Antoine"}, {"Mathieu|Matthieu"}, {"Guillaume"},
    {"Sébastien|Sebastien"}, {"Jérôme|Jerome"}, {"Thierry"}, {"Olivier"}, {"Philippe"},
    {"Étienne|Etienne"}, {"Benoît|Benoit"}, {"Cédric|Cedric"}, {"Hugo"}, {"Théo|Theo"},
    {"Jean-Baptiste|Jean Baptiste|JB"},
};
constexpr NameEntry kFrenchFemale[] = {
    {"Hélène|Helene"}, {"Chloé|Chloe"}, {"Amélie|Amelie"}, {"Élodie|Elodie"}, {"Sophie"},
    {"Camille"}, {"Léa|Lea"}, {"Manon"}, {"Marie-Claire|Marie Claire"}, {"Céline|Celine"},
    {"Isabelle"}, {"Nathalie"}, {"Valérie|Valerie"}, {"Aurélie|Aurelie"}, {"Margaux"},
    {"Inès|Ines"}, {"Françoise|Francoise"}, {"Anaïs|Anais"},
};
constexpr NameEntry kFrenchLast[] = {
    {"Martin"},
    {"Bernard"},
    {"Dubois"},
    {"Thomas"},
    {"Robert"},
    {"Richard"},
    {"Petit"},
    {"Durand"},
    {"Leroy"},
    {"Moreau"},
    {"Simon"},
    {"Laurent"},
    {"Lefèvre|Lefevre"},
    {"Michel"},
    {"Garcia"},
    {"Bertrand"},
    {"Roux"},
    {"Vincent"},
    {"Fournier"},
    {"Morel"},
    {"Girard"},
    {"André|Andre"},
    {"Mercier"},
    {"Dupont"},
    {"Lambert"},
    {"Bonnet"},
    {"Rousseau"},
    {"Guérin|Guerin"},
    {"Perrin"},
    {"Clément|Clement"},
    {"Gauthier"},
    {"Chevalier"},
    {"Le Gall|Le gall|Legall"},
    {"D'Amboise|D’Amboise|Damboise|d'Amboise"},
    {"de La Fontaine|De La Fontaine|Delafontaine"},
    {"Bœuf|Boeuf"},
};

// --- Spanish -----------------------------------------------------------------------------------
constexpr NameEntry kSpanishMale[] = {
    {"José|Jose", "", "Pepe"}, {"José Luis|Jose Luis|José-Luis"}, {"Juan"}, {"Antonio"}, {"Manuel"},
    {"Francisco", "", "Paco|Pancho"}, {"Javier"}, {"Carlos"}, {"Miguel"},
    {"Alejandro", "", "Álex|Alex"}, {"Sergio"}, {"Pablo"}, {"Jorge"}, {"Álvaro|Alvaro"},
    {"Raúl|Raul"}, {"Rubén|Ruben"}, {"Andrés|Andres"}, {"Iñaki|Inaki"}, {"Jesús|Jesus"}, {"Diego"},
    {"Luis"},
};
constexpr NameEntry kSpanishFemale[] = {
    {"María|Maria"},   {"María José|Maria Jose|Mª José"},
    {"Carmen"},        {"Ana"},
    {"Lucía|Lucia"},   {"Laura"},
    {"Marta"},         {"Elena"},
    {"Sofía|Sofia"},   {"Paula"},
    {"Cristina"},      {"Isabel"},
    {"Pilar"},         {"Rocío|Rocio"},
    {"Begoña|Begona"}, {"Ángela|Angela"},
    {"Inés|Ines"},     {"Guadalupe", "", "Lupe"},
    {"Valentina"},
};
constexpr NameEntry kSpanishLast[] = {
    {"García|Garcia"},
    {"Rodríguez|Rodriguez"},
    {"González|Gonzalez"},
    {"Fernández|Fernandez"},
    {"López|Lopez"},
    {"Martínez|Martinez"},
    {"Sánchez|Sanchez"},
    {"Pérez|Perez"},
    {"Gómez|Gomez"},
    {"Martín|Martin"},
    {"Jiménez|Jimenez"},
    {"Ruiz"},
    {"Hernández|Hernandez"},
    {"Díaz|Diaz"},
    {"Moreno"},
    {"Muñoz|Munoz"},
    {"Álvarez|Alvarez"},
    {"Romero"},
    {"Peña|Pena"},
    {"Ibáñez|Ibanez"},
    {"Castillo"},
    {"Ortega"},
    {"Núñez|Nunez"},
    {"García Márquez|Garcia Marquez|García-Márquez"},
    {"de la Fuente|De la Fuente|De La Fuente"},
    {"Fernández de Córdoba|Fernandez de Cordoba"},
};

// --- Portuguese --------------------------------------------------------------------------------
constexpr NameEntry kPortugueseMale[] = {
    {"João|Joao"},      {"José|Jose"},         {"António|Antônio|Antonio"},
    {"Pedro"},          {"Tiago|Thiago"},      {"Rui"},
    {"Nuno"},           {"Gonçalo|Goncalo"},   {"Luís|Luiz|Luis"},
    {"Lucas"},          {"Gabriel"},           {"Rafael"},
    {"Matheus|Mateus"}, {"Guilherme"},         {"Felipe|Filipe"},
    {"Bruno"},          {"Vinícius|Vinicius"}, {"Leonardo"},
    {"Rodrigo"},        {"Fábio|Fabio"},
};
constexpr NameEntry kPortugueseFemale[] = {
    {"Maria"}, {"Ana"}, {"Beatriz"}, {"Inês|Ines"}, {"Mariana"}, {"Joana"}, {"Catarina"}, {"Sofia"},
    {"Juliana"}, {"Camila"}, {"Larissa"}, {"Fernanda"}, {"Letícia|Leticia"}, {"Gabriela"},
    {"Conceição|Conceicao"}, {"Luíza|Luiza"}, {"Patrícia|Patricia"}, {"Vitória|Vitoria"},
};
constexpr NameEntry kPortugueseLast[] = {
    {"Silva"}, {"Santos"}, {"Ferreira"}, {"Pereira"}, {"Oliveira"}, {"Costa"}, {"Rodrigues"},
    {"Martins"}, {"Sousa|Souza"}, {"Fernandes"}, {"Gonçalves|Goncalves"}, {"Gomes"}, {"Lopes"},
    {"Marques"}, {"Alves"}, {"Almeida"}, {"Ribeiro"}, {"Pinto"}, {"Carvalho"}, {"Teixeira"},
    {"Moreira"}, {"Correia"}, {"Mendes"}, {"Nunes"}, {"Soares"}, {"Araújo|Araujo"},
    {"Magalhães|Magalhaes"}, {"da Silva|Da Silva|DaSilva"}, {"dos Santos|Dos Santos"},
    {"Assunção|Assuncao"},
};

// --- Italian -----------------------------------------------------------------------------------
constexpr NameEntry kItalianMale[] = {
    {"Giuseppe", "", "Beppe|Peppe"}, {"Giovanni", "", "Gianni"}, {"Antonio"}, {"Marco"}, {"Luca"},
    {"Francesco"}, {"Alessandro", "", "Sandro"}, {"Andrea"}, {"Matteo"}, {"Lorenzo"}, {"Davide"},
    {"Simone"}, {"Federico"}, {"Niccolò|Niccolo|Nicolò"}, {"Stefano"}, {"Paolo"}, {"Gianluca"},
    {"Roberto"}, {"Massimo"}, {"Fabrizio"},
};
constexpr NameEntry kItalianFemale[] = {
    {"Giulia"},    {"Francesca"}, {"Chiara"},   {"Sara"},   {"Martina"}, {"Alessia"},
    {"Valentina"}, {"Elena"},     {"Federica"}, {"Silvia"}, {"Paola"},   {"Giorgia"},
    {"Elisa"},     {"Laura"},     {"Beatrice"}, {"Serena"},
};
constexpr NameEntry kItalianLast[] = {
    {"Rossi"}, {"Russo"}, {"Ferrari"}, {"Esposito"}, {"Bianchi"}, {"Romano"}, {"Colombo"},
    {"Ricci"}, {"Marino"}, {"Greco"}, {"Bruno"}, {"Gallo"}, {"Conti"}, {"De Luca|de Luca|DeLuca"},
    {"Mancini"}, {"Costa"}, {"Giordano"}, {"Rizzo"}, {"Lombardi"}, {"Moretti"}, {"Barbieri"},
    {"Fontana"}, {"Santoro"}, {"Mariani"}, {"Rinaldi"}, {"Caruso"},
    {"D'Angelo|D’Angelo|DAngelo|D Angelo"}, {"Di Stefano|Di stefano|DiStefano"}, {"Pellegrini"},
    {"Marchetti"}, {"Cattaneo"}, {"Parisi"}, {"Niccolò|Niccolo"},
};

// --- Dutch -------------------------------------------------------------------------------------
constexpr NameEntry kDutchMale[] = {
    {"Jan"}, {"Pieter", "", "Piet"}, {"Johannes", "", "Hans|Jan"}, {"Hendrik", "", "Henk"},
    {"Willem", "", "Wim"}, {"Daan"}, {"Sem"}, {"Lucas"}, {"Thijs"}, {"Bram"}, {"Jeroen"},
    {"Maarten"}, {"Sander"}, {"Bas"}, {"Ruud"}, {"Joost"}, {"Koen"}, {"Wouter"}, {"Stijn"},
    {"Sjoerd"},
};
constexpr NameEntry kDutchFemale[] = {
    {"Anna"},  {"Emma"},     {"Sanne"},   {"Lotte"},  {"Femke"}, {"Fleur"},
    {"Eva"},   {"Lieke"},    {"Marieke"}, {"Ingrid"}, {"Anouk"}, {"Saskia"},
    {"Mieke"}, {"Annelies"}, {"Esther"},  {"Iris"},   {"Noor"},  {"Tessa"},
};
constexpr NameEntry kDutchLast[] = {
    {"de Jong|De Jong|deJong|de jong"},
    {"Jansen"},
    {"de Vries|De Vries|DeVries"},
    {"van den Berg|Van den Berg|Van Den Berg|vandenBerg"},
    {"van der Berg|Van der Berg|Van Der Berg|vd Berg"},
    {"van Dijk|Van Dijk|vanDijk|van Dyk"},
    {"Bakker"},
    {"Janssen"},
    {"Visser"},
    {"Smit"},
    {"Meijer|Meyer"},
    {"de Boer|De Boer"},
    {"Mulder"},
    {"de Groot|De Groot"},
    {"Bos"},
    {"Vos"},
    {"Peters"},
    {"Hendriks"},
    {"van Leeuwen|Van Leeuwen"},
    {"Dekker"},
    {"Brouwer"},
    {"de Wit|De Wit"},
    {"Dijkstra"},
    {"van der Meer|Van der Meer|Van Der Meer"},
    {"van der Linden|Van der Linden"},
    {"Kok"},
    {"de Haan|De Haan"},
    {"Vermeulen"},
    {"van den Heuvel|Van den Heuvel"},
    {"van 't Hof|Van 't Hof|van t Hof|van ’t Hof"},
    {"Kuijpers|Kuypers"},
};

// --- Polish ------------------------------------------------------------------------------------
constexpr NameEntry kPolishMale[] = {
    {"Łukasz|Lukasz"}, {"Piotr"},       {"Krzysztof"},     {"Andrzej"},
    {"Tomasz"},        {"Paweł|Pawel"}, {"Michał|Michal"}, {"Marcin"},
    {"Grzegorz"},      {"Jakub"},       {"Wojciech"},      {"Mateusz"},
    {"Kamil"},         {"Rafał|Rafal"}, {"Maciej"},        {"Przemysław|Przemyslaw"},
    {"Zbigniew"},      {"Jerzy"},
};
constexpr NameEntry kPolishFemale[] = {
    {"Anna"}, {"Katarzyna", "", "Kasia"}, {"Małgorzata|Malgorzata", "", "Gosia"}, {"Agnieszka"},
    {"Magdalena", "", "Magda"}, {"Joanna"}, {"Ewa"}, {"Monika"}, {"Aleksandra", "", "Ola"},
    {"Dorota"}, {"Zofia"}, {"Natalia"}, {"Beata"}, {"Żaneta|Zaneta"}, {"Agata"}, {"Paulina"},
    {"Justyna"},
};
constexpr NameEntry kPolishLastMale[] = {
    {"Nowak"}, {"Kowalski"}, {"Wiśniewski|Wisniewski"}, {"Wójcik|Wojcik"}, {"Kowalczyk"},
    {"Kamiński|Kaminski"}, {"Lewandowski"}, {"Zieliński|Zielinski"}, {"Szymański|Szymanski"},
    {"Woźniak|Wozniak"}, {"Dąbrowski|Dabrowski"}, {"Kozłowski|Kozlowski"}, {"Jankowski"}, {"Mazur"},
    {"Kwiatkowski"}, {"Krawczyk"}, {"Pawłowski|Pawlowski"}, {"Król|Krol"}, {"Wieczorek"},
    {"Jabłoński|Jablonski"}, {"Zając|Zajac"}, {"Brzęczyszczykiewicz|Brzeczyszczykiewicz"},
};
constexpr NameEntry kPolishLastFemale[] = {
    {"Nowak"}, {"Kowalska"}, {"Wiśniewska|Wisniewska"}, {"Wójcik|Wojcik"}, {"Kowalczyk"},
    {"Kamińska|Kaminska"}, {"Lewandowska"}, {"Zielińska|Zielinska"}, {"Szymańska|Szymanska"},
    {"Woźniak|Wozniak"}, {"Dąbrowska|Dabrowska"}, {"Kozłowska|Kozlowska"}, {"Jankowska"}, {"Mazur"},
    {"Krawczyk"}, {"Król|Krol"}, {"Wieczorek"}, {"Jabłońska|Jablonska"}, {"Zając|Zajac"},
};

// --- Greek -------------------------------------------------------------------------------------
constexpr NameEntry kGreekMale[] = {
    {"Νίκος|Nikos"},
    {"Γιώργος|Giorgos|Yiorgos"},
    {"Δημήτρης|Dimitris"},
    {"Κωνσταντίνος|Konstantinos", "", "Κώστας|Kostas"},
    {"Ιωάννης|Ioannis", "", "Γιάννης|Giannis"},
    {"Παναγιώτης|Panagiotis", "", "Panos"},
    {"Χρήστος|Christos|Chris"},
    {"Αλέξανδρος|Alexandros", "", "Alex"},
    {"Σπύρος|Spyros|Spiros"},
};
constexpr NameEntry kGreekFemale[] = {
    {"Μαρία|Maria"},
    {"Ελένη|Eleni"},
    {"Αικατερίνη|Aikaterini", "", "Κατερίνα|Katerina"},
    {"Σοφία|Sofia"},
    {"Γεωργία|Georgia"},
    {"Δέσποινα|Despoina|Despina"},
    {"Αναστασία|Anastasia"},
    {"Ιωάννα|Ioanna"},
};
constexpr NameEntry kGreekLastMale[] = {
    {"Παπαδόπουλος|Papadopoulos"},    {"Παπαδάκης|Papadakis"},   {"Γεωργίου|Georgiou"},
    {"Οικονόμου|Oikonomou|Economou"}, {"Νικολαΐδης|Nikolaidis"}, {"Βασιλείου|Vasileiou"},
    {"Καραγιάννης|Karagiannis"},      {"Αθανασίου|Athanasiou"},  {"Παπανικολάου|Papanikolaou"},
    {"Δημητρίου|Dimitriou"},
};
constexpr NameEntry kGreekLastFemale[] = {
    {"Παπαδοπούλου|Papadopoulou"},    {"Παπαδάκη|Papadaki"},     {"Γεωργίου|Georgiou"},
    {"Οικονόμου|Oikonomou|Economou"}, {"Νικολαΐδου|Nikolaidou"}, {"Βασιλείου|Vasileiou"},
    {"Καραγιάννη|Karagianni"},        {"Αθανασίου|Athanasiou"},  {"Δημητρίου|Dimitriou"},
};

// --- Russian -----------------------------------------------------------------------------------
constexpr NameEntry kRussianMale[] = {
    {"Иван|Ivan", "", "Ваня|Vanya"},
    {"Алексей|Alexey|Aleksei", "", "Алёша|Alyosha"},
    {"Дмитрий|Dmitry|Dmitriy", "", "Дима|Dima"},
    {"Сергей|Sergey|Sergei"},
    {"Андрей|Andrey|Andrei"},
    {"Михаил|Mikhail", "", "Миша|Misha"},
    {"Николай|Nikolay"},
    {"Владимир|Vladimir", "", "Вова|Vova"},
    {"Павел|Pavel"},
    {"Артём|Artem|Artyom"},
    {"Евгений|Evgeny|Yevgeny", "", "Женя|Zhenya"},
};
constexpr NameEntry kRussianFemale[] = {
    {"Анна|Anna"},
    {"Мария|Maria", "", "Маша|Masha"},
    {"Елена|Elena|Yelena", "", "Лена|Lena"},
    {"Ольга|Olga"},
    {"Наталья|Natalia|Natalya", "", "Наташа|Natasha"},
    {"Татьяна|Tatiana|Tatyana", "", "Таня|Tanya"},
    {"Екатерина|Ekaterina|Yekaterina", "", "Катя|Katya"},
    {"Ирина|Irina"},
    {"Светлана|Svetlana", "", "Света|Sveta"},
    {"Юлия|Yulia|Julia"},
};
constexpr NameEntry kRussianLastMale[] = {
    {"Петров|Petrov"}, {"Иванов|Ivanov"}, {"Смирнов|Smirnov"}, {"Кузнецов|Kuznetsov"},
    {"Попов|Popov"}, {"Соколов|Sokolov"}, {"Лебедев|Lebedev"}, {"Козлов|Kozlov"},
    {"Новиков|Novikov"}, {"Морозов|Morozov"}, {"Волков|Volkov"}, {"Фёдоров|Fedorov|Fyodorov"},
    {"Ковалёв|Kovalev|Kovalyov"},
};
constexpr NameEntry kRussianLastFemale[] = {
    {"Петрова|Petrova"},      {"Иванова|Ivanova"}, {"Смирнова|Smirnova"},
    {"Кузнецова|Kuznetsova"}, {"Попова|Popova"},   {"Соколова|Sokolova"},
    {"Лебедева|Lebedeva"},    {"Козлова|Kozlova"}, {"Новикова|Novikova"},
    {"Морозова|Morozova"},    {"Волкова|Volkova"}, {"Фёдорова|Fedorova|Fyodorova"},
};

// --- Chinese -----------------------------------------------------------------------------------
constexpr NameEntry kChineseMale[] = {
    {"小明|Xiaoming|Xiao Ming"}, {"伟|Wei"}, {"强|Qiang"}, {"磊|Lei"}, {"军|Jun"}, {"洋|Yang"},
    {"勇|Yong"}, {"杰|Jie"}, {"涛|Tao"}, {"浩然|Haoran|Hao Ran"}, {"子轩|Zixuan"},
    {"建华|Jianhua|Jian-Hua"},
};
constexpr NameEntry kChineseFemale[] = {
    {"芳|Fang"}, {"娜|Na"}, {"静|Jing"}, {"丽|Li"}, {"敏|Min"}, {"秀英|Xiuying|Xiu Ying"},
    {"婷|Ting"}, {"雪|Xue"}, {"欣怡|Xinyi"}, {"梓涵|Zihan"}, {"美玲|Meiling|Mei-Ling"},
};
constexpr NameEntry kChineseLast[] = {
    {"王|Wang"},       {"李|Li|Lee"},    {"张|Zhang|Chang"},
    {"刘|Liu"},        {"陈|Chen|Chan"}, {"杨|Yang"},
    {"黄|Huang|Wong"}, {"赵|Zhao"},      {"吴|Wu"},
    {"周|Zhou|Chow"},  {"徐|Xu"},        {"孙|Sun"},
    {"马|Ma"},         {"朱|Zhu"},       {"胡|Hu"},
    {"郭|Guo"},        {"何|He"},        {"林|Lin|Lam"},
    {"高|Gao"},        {"罗|Luo"},       {"欧阳|Ouyang|Ou-Yang"},
    {"司马|Sima"},
};

// --- Japanese ----------------------------------------------------------------------------------
constexpr NameEntry kJapaneseMale[] = {
    {"翔太|Shota|Shouta"}, {"大輔|Daisuke"},    {"健一|Kenichi|Ken'ichi"},
    {"拓也|Takuya"},       {"翔|Sho"},          {"健太|Kenta"},
    {"直樹|Naoki"},        {"浩|Hiroshi"},      {"誠|Makoto"},
    {"隆|Takashi"},        {"悠斗|Yuto|Yuuto"}, {"蓮|Ren"},
};
constexpr NameEntry kJapaneseFemale[] = {
    {"さくら|Sakura"}, {"陽子|Yoko|Youko"}, {"美咲|Misaki"}, {"愛|Ai"},
    {"由美|Yumi"},     {"恵|Megumi"},       {"奈々|Nana"},   {"結衣|Yui"},
    {"明美|Akemi"},    {"裕子|Yuko|Yuuko"}, {"花子|Hanako"},
};
constexpr NameEntry kJapaneseLast[] = {
    {"佐藤|Sato|Satō|Satoh"}, {"鈴木|Suzuki"},          {"高橋|Takahashi"}, {"田中|Tanaka"},
    {"伊藤|Ito|Itō|Itoh"},    {"渡辺|Watanabe"},        {"山本|Yamamoto"},  {"中村|Nakamura"},
    {"小林|Kobayashi"},       {"加藤|Kato|Katō|Katoh"}, {"吉田|Yoshida"},   {"山田|Yamada"},
    {"佐々木|Sasaki"},        {"松本|Matsumoto"},       {"井上|Inoue"},     {"木村|Kimura"},
};

// --- Arabic ------------------------------------------------------------------------------------
constexpr NameEntry kArabicMale[] = {
    {"محمد|Mohammed|Muhammad|Mohamed|Mohammad"}, {"أحمد|Ahmed|Ahmad"}, {"علي|Ali"},
    {"عمر|Omar|Umar"}, {"خالد|Khaled|Khalid"}, {"يوسف|Youssef|Yusuf|Yousef"}, {"حسن|Hassan|Hasan"},
    {"إبراهيم|Ibrahim"}, {"عبدالله|Abdullah|Abdallah|Abdulla"}, {"سعيد|Saeed|Said"},
    {"فيصل|Faisal|Faysal"},
};
constexpr NameEntry kArabicFemale[] = {
    {"فاطمة|Fatima|Fatma"}, {"عائشة|Aisha|Aysha"},  {"مريم|Maryam|Mariam"},
    {"نور|Noor|Nour"},      {"ليلى|Layla|Leila"},   {"سارة|Sara|Sarah"},
    {"هدى|Huda|Hoda"},      {"زينب|Zainab|Zeinab"}, {"ريم|Reem|Rim"},
};
constexpr NameEntry kArabicLast[] = {
    {"علي|Ali"},
    {"الحسن|Al-Hassan|Al Hassan|Alhassan"},
    {"منصور|Mansour|Mansoor"},
    {"العتيبي|Al-Otaibi|Alotaibi|Al Otaibi"},
    {"الشمري|Al-Shammari|Alshammari"},
    {"حداد|Haddad"},
    {"خوري|Khoury|Khouri"},
    {"ناصر|Nasser|Naser"},
    {"سالم|Salem|Salim"},
    {"عبدالرحمن|Abdulrahman|Abdul Rahman|Abdel Rahman"},
    {"الهاشمي|Al-Hashimi|Al Hashemi"},
    {"المنصوري|Al Mansoori|Al-Mansouri"},
    {"القاسمي|Al Qasimi|Al-Qasimi"},
};

// --- Indian ------------------------------------------------------------------------------------
constexpr NameEntry kIndianMale[] = {
    {"Rahul"}, {"Amit"}, {"Rajesh", "", "Raj"}, {"Suresh"}, {"Vijay"}, {"Arjun"}, {"Rohan"},
    {"Sanjay"}, {"Anil"}, {"Vikram", "", "Vicky"}, {"Aditya"}, {"Karthik|Kartik"},
    {"Venkatesh", "", "Venky"}, {"Srinivas|Srinivasa", "", "Srini"}, {"Prakash"}, {"Deepak"},
    {"Manoj"}, {"Harish"}, {"Nikhil"}, {"Siddharth|Siddarth", "", "Sid"},
};
constexpr NameEntry kIndianFemale[] = {
    {"Priya"},      {"Ananya"}, {"Divya"},         {"Pooja|Puja"},
    {"Neha"},       {"Sneha"},  {"Kavya"},         {"Lakshmi|Laxmi"},
    {"Deepika"},    {"Anjali"}, {"Shreya|Shriya"}, {"Aishwarya", "", "Ash"},
    {"Meera|Mira"}, {"Swati"},  {"Nandini"},       {"Sunita"},
};
constexpr NameEntry kIndianLast[] = {
    {"Sharma"}, {"Patel"}, {"Singh"}, {"Kumar"}, {"Gupta"}, {"Reddy"}, {"Iyer"}, {"Nair"}, {"Rao"},
    {"Mehta"}, {"Joshi"}, {"Shah"}, {"Agarwal|Aggarwal"}, {"Chatterjee|Chatterji"},
    {"Banerjee|Banerji"}, {"Mukherjee"}, {"Das"}, {"Pillai"}, {"Krishnan"}, {"Venkataraman"},
    {"Srinivasan"}, {"Subramanian|Subramaniam"}, {"Menon"}, {"Desai"}, {"Kapoor"}, {"Malhotra"},
    {"Bhattacharya|Bhattacharyya"}, {"Choudhury|Chowdhury|Choudhary"}, {"Naidu"}, {"Kulkarni"},
};

// --- Nordic (Swedish and Finnish) --------------------------------------------------------------
constexpr NameEntry kNordicMale[] = {
    {"Lars"},      {"Anders"},  {"Johan"},       {"Erik|Eric"},
    {"Karl|Carl"}, {"Per"},     {"Mikael"},      {"Björn|Bjorn|Bjoern"},
    {"Sven"},      {"Mattias"}, {"Oskar|Oscar"}, {"Mikko"},
    {"Juha"},      {"Jukka"},   {"Antti"},       {"Matti"},
};
constexpr NameEntry kNordicFemale[] = {
    {"Anna"},   {"Eva"},         {"Maria"},  {"Karin"},     {"Sara"}, {"Emma"},
    {"Ingrid"}, {"Astrid"},      {"Linnea"}, {"Maja|Maya"}, {"Elin"}, {"Sanna"},
    {"Aino"},   {"Päivi|Paivi"}, {"Tiina"},  {"Johanna"},
};
constexpr NameEntry kNordicLast[] = {
    {"Andersson"}, {"Johansson"}, {"Karlsson|Carlsson"}, {"Nilsson"}, {"Eriksson"}, {"Larsson"},
    {"Olsson"}, {"Persson"}, {"Svensson"}, {"Gustafsson"}, {"Lindqvist|Lindquist"}, {"Åberg|Aberg"},
    {"Öberg|Oberg"}, {"Ström|Strom"}, {"Korhonen"}, {"Virtanen"}, {"Mäkinen|Makinen"}, {"Nieminen"},
    {"Mäkelä|Makela"}, {"Hämäläinen|Hamalainen"}, {"Laine"}, {"Heikkinen"}, {"Järvinen|Jarvinen"},
};

// Each title is one role written the ways people type it.
constexpr std::string_view kEnglishTitles[] = {
    "VP Sales|Vice President, Sales|vp of sales|VP, Sales|Vice President of Sales",
    "Senior Software Engineer|Sr. Software Engineer|Sr Software Engineer|Senior SWE",
    "CEO|Chief Executive Officer|C.E.O.|ceo",
    "Marketing Manager|Mktg Manager|Marketing Mgr|Manager, Marketing",
    "Head of Operations|Head of Ops|Head, Operations",
    "CTO|Chief Technology Officer|Chief Technical Officer",
    "CFO|Chief Financial Officer",
    "Director of Engineering|Engineering Director|Dir. Engineering|Director, Engineering",
    "Account Executive|Acct Exec|AE|Account Exec",
    "Sales Development Representative|SDR|Sales Development Rep",
    "Product Manager|Product Mgr|PM",
    "HR Manager|Human Resources Manager|HR Mgr",
    "Software Engineer|Software Developer|SWE|Software Eng.",
    "IT Manager|IT Mgr|Manager, IT|Manager IT",
    "Office Manager|Office Mgr",
    "Procurement Manager|Purchasing Manager|Procurement Mgr",
    "Founder|Founder & CEO|Founder and CEO",
    "Customer Success Manager|CSM|Customer Success Mgr",
    "Marketing Director|Director of Marketing|Dir. Marketing|Director, Marketing",
    "CMO|Chief Marketing Officer",
    "VP Marketing|Vice President, Marketing|VP of Marketing",
    "Operations Manager|Ops Manager|Operations Mgr",
    "Business Development Manager|BDM|Business Development Mgr|Biz Dev Manager",
    "Data Analyst|Sr. Data Analyst|Senior Data Analyst",
    "Project Manager|Project Mgr|PMP, Project Manager",
    "Controller|Financial Controller|Comptroller",
    "Owner|Owner/Operator|Co-Owner",
    "Regional Sales Manager|Regional Sales Mgr|RSM",
    "Executive Assistant|EA|Exec. Assistant",
    "Student|student|Working Student",
};

constexpr std::string_view kJunkNames[] = {
    "test", "Test", "TEST", "asdf", "n/a", "N/A", "-", ".", "x", "X", "unknown", "Unknown", "none",
    "xxx", "?", "na", "[not provided]", "a", "J", "qwerty",
};

constexpr std::string_view kDisposableDomains[] = {
    "mailinator.com", "guerrillamail.com", "10minutemail.com", "yopmail.com",
    "trashmail.com",  "sharklasers.com",   "temp-mail.org",
};

// clang-format on

}  // namespace

const Culture kEnglish{"en", kEnglishMale, kEnglishFemale, kEnglishLast, {}, true, 0.9, {}, {}};
const Culture kGaelic{"ga", kGaelicMale, kGaelicFemale, kGaelicLast, {}, true, 0.8, {}, {}};
const Culture kGerman{"de",
                      kGermanMale,
                      kGermanFemale,
                      kGermanLast,
                      {},
                      true,
                      0.85,
                      "Herr|Hr.|Dr.|Herr Dr.",
                      "Frau|Fr.|Dr.|Frau Dr."};
const Culture kFrench{"fr", kFrenchMale, kFrenchFemale,    kFrenchLast,      {},
                      true, 0.85,        "M.|Monsieur|Mr", "Mme|Madame|Mlle"};
const Culture kSpanish{"es", kSpanishMale, kSpanishFemale, kSpanishLast,     {},
                       true, 0.85,         "Sr.|D.|Don",   "Sra.|Dña.|Srta."};
const Culture kPortuguese{"pt", kPortugueseMale, kPortugueseFemale, kPortugueseLast, {}, true,
                          0.85, "Sr.|Dr.",       "Sra.|Dra."};
const Culture kItalian{"it", kItalianMale, kItalianFemale,    kItalianLast,     {},
                       true, 0.9,          "Sig.|Dott.|Ing.", "Sig.ra|Dott.ssa"};
const Culture kDutch{"nl", kDutchMale, kDutchFemale,   kDutchLast,     {},
                     true, 0.8,        "Dhr.|De heer", "Mevr.|Mevrouw"};
const Culture kPolish{"pl", kPolishMale, kPolishFemale, kPolishLastMale, kPolishLastFemale,
                      true, 0.8,         "Pan",         "Pani"};
const Culture kGreek{"el", kGreekMale, kGreekFemale, kGreekLastMale, kGreekLastFemale, false, 0.45,
                     {},   {}};
const Culture kRussian{
    "ru", kRussianMale, kRussianFemale, kRussianLastMale, kRussianLastFemale, false,
    0.5,  "г-н",        "г-жа"};
const Culture kChinese{"zh", kChineseMale, kChineseFemale, kChineseLast, {}, false, 0.5, {}, {}};
const Culture kJapanese{"ja", kJapaneseMale, kJapaneseFemale, kJapaneseLast, {}, false, 0.5, {},
                        {}};
const Culture kArabic{"ar", kArabicMale, kArabicFemale, kArabicLast, {}, false, 0.35, {}, {}};
const Culture kIndian{"hi", kIndianMale, kIndianFemale, kIndianLast, {}, true, 0.9, {}, {}};
const Culture kNordic{"nordic", kNordicMale, kNordicFemale, kNordicLast, {}, true, 0.85, {}, {}};

std::span<const std::string_view> EnglishTitles() { return kEnglishTitles; }
std::span<const std::string_view> JunkNames() { return kJunkNames; }
std::span<const std::string_view> DisposableDomains() { return kDisposableDomains; }

size_t CountAlternatives(std::string_view alternatives) {
  size_t n = 1;
  for (char c : alternatives) n += (c == '|');
  return n;
}

std::string_view Alternative(std::string_view alternatives, size_t index) {
  // Stops at the wanted entry; counts the list only when the index wraps.
  size_t begin = 0;
  size_t seen = 0;
  for (size_t i = 0; i < alternatives.size(); ++i) {
    if (alternatives[i] != '|') continue;
    if (seen == index) return alternatives.substr(begin, i - begin);
    ++seen;
    begin = i + 1;
  }
  if (seen == index) return alternatives.substr(begin);
  return Alternative(alternatives, index % (seen + 1));
}

std::string AsciiKey(const NameEntry& entry) {
  std::string_view source = entry.ascii;
  if (source.empty()) {
    // The first spelling written in plain ASCII ("Mueller" for "Müller|Mueller|Muller").
    const size_t n = CountAlternatives(entry.spellings);
    source = Alternative(entry.spellings, 0);
    for (size_t i = 0; i < n && HasNonAscii(source); ++i) {
      const std::string_view candidate = Alternative(entry.spellings, i);
      if (!HasNonAscii(candidate)) source = candidate;
    }
  }
  std::string key;
  for (char c : source) {
    if (c >= 'A' && c <= 'Z') {
      key += static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      key += c;
    }
  }
  return key;
}

// The first spelling without non-ASCII bytes, else the second one (a transliteration).
std::string_view LatinSpelling(const NameEntry& entry) {
  const size_t n = CountAlternatives(entry.spellings);
  for (size_t i = 0; i < n; ++i) {
    if (!HasNonAscii(Alternative(entry.spellings, i))) return Alternative(entry.spellings, i);
  }
  return Alternative(entry.spellings, n > 1 ? 1 : 0);
}

}  // namespace pdc::generate
