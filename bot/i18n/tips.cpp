// Curated how-to-share tips (product.md, "Tone and content"): one ends every "why" answer. Short, friendly, never
// guilt; the French is written for French readers, not translated word for word.
#include <iterator>
#include <string>
#include <string_view>

#include "bot/i18n/catalog.hpp"

namespace advocacy::i18n {

namespace {

struct Tip {
    std::string_view en;
    std::string_view fr;
};

constexpr Tip kTips[] = {
    {"Add one sentence of your own: what you liked, or why it matters to you. That makes the post yours.",
     "Ajoutez une phrase à vous : ce qui vous a plu, ou pourquoi ça compte pour vous. Le post devient le vôtre."},
    {"Tag a colleague who worked on it: they get the credit, and their network sees it too.",
     "Mentionnez un collègue qui a travaillé dessus : il est mis en valeur, et son réseau le verra aussi."},
    {"Post when your network is online: weekday mornings and lunchtime usually work best.",
     "Publiez quand votre réseau est connecté : en semaine, le matin ou à l'heure du déjeuner, c'est souvent l'idéal."},
    {"Say that you work at the company, in your own words: \"Proud of what my team built\" beats a bare link.",
     "Dites que vous travaillez dans l'entreprise, avec vos mots : « Fier de ce que mon équipe a construit » "
     "vaut mieux qu'un lien tout seul."},
    {"Keep it short: two or three lines get read, long paragraphs get scrolled past.",
     "Faites court : deux ou trois lignes se lisent, un long pavé se survole."},
    {"End with a question to invite comments, like \"How does your team handle this?\"",
     "Terminez par une question pour lancer la discussion, du genre « Et chez vous, comment ça se passe ? »"},
    {"Use one to three relevant hashtags; more than that starts to look like spam.",
     "Un à trois hashtags bien choisis suffisent ; au-delà, ça fait vite spam."},
    {"Reply to comments within a day: a lively conversation keeps your post in people's feeds.",
     "Répondez aux commentaires dans la journée : une discussion animée garde votre post dans les fils d'actualité."},
    {"Share on the network where your audience is: LinkedIn for professional contacts, X for fast conversations.",
     "Partagez là où se trouve votre public : LinkedIn pour vos contacts pro, X pour les échanges à chaud."},
    {"Don't post the same text everywhere: adapt the tone and length to each network.",
     "Évitez le même texte partout : adaptez le ton et la longueur à chaque réseau."},
    {"A photo of you or your team performs better than a stock image.",
     "Une photo de vous ou de votre équipe touche plus qu'une image de banque d'images."},
    {"Disclose that you are an employee (for example with #employee): it's honest, and many countries expect it.",
     "Précisez que vous êtes salarié de l'entreprise (par exemple avec #collaborateur) : c'est transparent, "
     "et c'est attendu dans bien des pays."},
    {"Check the link preview before posting: if the image or title is missing, wait a moment and paste the link "
     "again.",
     "Vérifiez l'aperçu du lien avant de publier : s'il manque l'image ou le titre, patientez un instant et "
     "recollez le lien."},
    {"Never share confidential information: if it isn't public yet, it stays inside.",
     "Ne partagez jamais d'information confidentielle : ce qui n'est pas encore public reste en interne."},
    {"Share what you learned or what surprised you: a takeaway gets more reactions than a summary.",
     "Racontez ce que vous en retenez ou ce qui vous a surpris : un avis fait plus réagir qu'un résumé."},
    {"Make the first line count: it's all people see before \"see more\".",
     "Soignez la première ligne : c'est tout ce qu'on voit avant « voir plus »."},
    {"Not everything will speak to you: share what you genuinely like and skip the rest, no worries.",
     "Tout ne vous parlera pas : partagez ce qui vous plaît vraiment et laissez le reste de côté, sans scrupule."},
};

}  // namespace

std::size_t tip_count() { return std::size(kTips); }

std::string tip(Lang lang, std::size_t index) {
    const Tip& t = kTips[index % std::size(kTips)];
    return std::string(lang == Lang::fr ? t.fr : t.en);
}

}  // namespace advocacy::i18n
