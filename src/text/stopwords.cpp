// Stop word lists: see stopwords.h. The lists are written with their accents,
// as Snowball publishes them, and folded at first use by the same Normalizer
// that folds the text, so that they can never disagree with it.
//
// Thread safety: immutable after the first call (function-local static).
#include "stopwords.h"

#include <array>
#include <functional>
#include <sstream>
#include <string>
#include <unordered_set>

#include "normalizer.h"

namespace kb::text {
namespace {

constexpr std::string_view kEnglish =
    "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself "
    "she her hers herself it its itself they them their theirs themselves what which who whom "
    "this that these those am is are was were be been being have has had having do does did "
    "doing would should could ought i'm you're he's she's it's we're they're i've you've we've "
    "they've i'd you'd he'd she'd we'd they'd i'll you'll he'll she'll we'll they'll let's "
    "that's who's what's here's there's when's where's why's how's a an the and but if or "
    "because as until while of at by for with about against between into through during before "
    "after above below to from in on over under further then once here "
    "there when where why how all any both each few more most other some such nor only own same "
    "so than too very";

constexpr std::string_view kItalian =
    "ad al allo ai agli all agl alla alle con col coi da dal dallo dai dagli dall dagl dalla "
    "dalle di del dello dei degli dell degl della delle in nel nello nei negli nell negl nella "
    "nelle su sul sullo sui sugli sull sugl sulla sulle per tra fra contro io tu lui lei noi voi "
    "loro mio mia miei mie tuo tua tuoi tue suo sua suoi sue nostro nostra nostri nostre vostro "
    "vostra vostri vostre mi ti ci vi lo la li le gli ne il un uno una un ma ed se perché anche "
    "come dov dove che chi cui più quale quanto quanti quanta quante quello quelli quella quelle "
    "quell questo questi questa queste quest si tutto tutti a c e i l o ho hai ha abbiamo avete "
    "hanno abbia abbiate abbiano avrò avrai avrà avremo avrete avranno avrei avresti avrebbe "
    "avremmo avreste avrebbero avevo avevi aveva avevamo avevate avevano ebbi avesti ebbe avemmo "
    "aveste ebbero avessi avesse avessimo avessero avendo avuto avuta avuti avute sono sei è "
    "siamo siete sia siate siano sarò sarai sarà saremo sarete saranno sarei saresti sarebbe "
    "saremmo sareste sarebbero ero eri era eravamo eravate erano fui fosti fu fummo foste furono "
    "fossi fosse fossimo fossero essendo faccio fai facciamo fanno faccia facciate facciano farò "
    "farai farà faremo farete faranno farei faresti farebbe faremmo fareste farebbero facevo "
    "facevi faceva facevamo facevate facevano feci facesti fece facemmo faceste fecero facessi "
    "facesse facessimo facessero facendo sto stai sta stiamo stanno stia stiate stiano starò "
    "starai starà staremo starete staranno starei staresti starebbe staremmo stareste "
    "starebbero stavo stavi stava stavamo stavate stavano stetti stesti stette stemmo steste "
    "stettero stessi stesse stessimo stessero stando coll pell m t s v";

constexpr std::string_view kSpanish =
    "de la que el en y a los del se las por un para con una su al lo como más pero sus le ya o "
    "este sí porque esta entre cuando muy sobre también me hasta hay donde quien desde todo nos "
    "durante todos uno les contra otros ese eso ante ellos e esto mí antes algunos qué unos yo "
    "otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas "
    "algunas algo nosotros mi mis tú te ti tu tus ellas nosotras vosotros vosotras os mío mía "
    "míos mías tuyo tuya tuyos tuyas suyo suya suyos suyas nuestro nuestra nuestros nuestras "
    "vuestro vuestra vuestros vuestras esos esas estoy estás está estamos estáis están esté "
    "estés estemos estéis estén estaré estarás estará estaremos estaréis estarán estaría "
    "estarías estaríamos estaríais estarían estaba estabas estábamos estabais estaban estuve "
    "estuviste estuvo estuvimos estuvisteis estuvieron estuviera estuvieras estuviéramos "
    "estuvierais estuvieran estando estado estada estados estadas estad he has ha hemos habéis "
    "han haya hayas hayamos hayáis hayan habré habrás habrá habremos habréis habrán habría "
    "habrías habríamos habríais habrían había habías habíamos habíais habían hube hubiste hubo "
    "hubimos hubisteis hubieron hubiera hubieras hubiéramos hubierais hubieran habiendo habido "
    "habida habidos habidas soy eres es somos sois son sea seas seamos seáis sean seré serás "
    "será seremos seréis serán sería serías seríamos seríais serían era eras éramos erais eran "
    "fui fuiste fue fuimos fuisteis fueron fuera fueras fuéramos fuerais fueran siendo sido "
    "tengo tienes tiene tenemos tenéis tienen tenga tengas tengamos tengáis tengan tendré "
    "tendrás tendrá tendremos tendréis tendrán tendría tendrías tendríamos tendríais tendrían "
    "tenía tenías teníamos teníais tenían tuve tuviste tuvo tuvimos tuvisteis tuvieron tuviera "
    "tuvieras tuviéramos tuvierais tuvieran teniendo tenido tenida tenidos tenidas tened";

constexpr std::string_view kFrench =
    "au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me "
    "même mes moi mon nos notre nous on ou par pour qu que qui sa se ses son sur ta te tes toi "
    "ton tu un une vos votre vous c d j l à m n s t y été étée étées étés étant étante étants "
    "étantes suis es est sommes êtes sont serai seras sera serons serez seront serais serait "
    "serions seriez seraient étais était étions étiez étaient fus fut fûmes fûtes furent sois "
    "soit soyons soyez soient fusse fusses fût fussions fussiez fussent ayant ayante ayantes "
    "ayants eu eue eues eus ai as avons avez ont aurai auras aura aurons aurez auront aurais "
    "aurait aurions auriez auraient avais avait avions aviez avaient eut eûmes eûtes eurent aie "
    "aies ait ayons ayez aient eusse eusses eût eussions eussiez eussent lorsqu puisqu jusqu";

constexpr std::string_view kGerman =
    "aber alle allem allen aller alles als also am an ander andere anderem anderen anderer "
    "anderes anderm andern anderr anders auch auf aus bei bin bis bist da damit dann der den des "
    "dem die das daß dass du er sie es ihr wir ihn ihm ich mich mir dich dir ihnen ihre ihrem "
    "ihren ihrer ihres euch eure eurem euren eurer eures ein eine einem einen einer eines einig "
    "einige einigem einigen einiger einiges einmal dein deine deinem deinen deiner deines denn "
    "derer dessen doch dort durch dies diese diesem diesen dieser dieses dazu etwas euer für "
    "gegen gewesen hab habe haben hat hatte hatten hier hin hinter im in indem ins ist jede jedem "
    "jeden jeder jedes jene jenem jenen jener jenes jetzt kann können könnte machen man manche "
    "manchem manchen mancher manches mein meine meinem meinen meiner meines mit muss musste nach "
    "noch nun nur ob oder sehr sein seine seinem seinen seiner seines selbst sich sind so solche "
    "solchem solchen solcher solches soll sollte sondern sonst über um und uns unsere unserem "
    "unseren unser unseres unter viel vom von vor während war waren warst was weg weil weiter "
    "welche welchem welchen welcher welches wenn werde werden wie wieder will wird wirst wo "
    "wollen wollte würde würden zu zum zur zwar zwischen";

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using WordSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

std::array<WordSet, 5> BuildLists() {
  Normalizer normalizer;
  std::array<WordSet, 5> lists;
  const std::array<std::string_view, 5> sources = {kEnglish, kItalian, kSpanish, kFrench, kGerman};
  for (size_t i = 0; i < sources.size(); ++i) {
    std::istringstream words{std::string(sources[i])};
    std::string word;
    while (words >> word) {
      std::string folded;
      normalizer.Fold(word, folded);
      lists[i].insert(std::move(folded));
    }
  }
  return lists;
}

}  // namespace

bool IsStopwordIn(std::string_view folded_word, Lang lang) {
  static const std::array<WordSet, 5> kLists = BuildLists();
  const int index = LangIndex(lang);
  if (index < 0) return false;
  return kLists[static_cast<size_t>(index)].contains(folded_word);
}

}  // namespace kb::text
