#pragma once
// How the text handed to the command language writes links, mentions and & < >.
namespace advocacy::commands {

enum class Markup {
    plain,  // as typed (Teams after mention stripping, the playground, modal fields)
    slack,  // Slack's escaped text: <https://x|label>, <@U1>, <#C1|name>, and & < > sent as &amp; &lt; &gt;
};

}  // namespace advocacy::commands
