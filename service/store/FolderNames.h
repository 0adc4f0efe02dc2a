#pragma once

#include <QString>
#include <QStringList>

namespace pw::service {

// Folder names as the store keeps them: levels separated by "/", "INBOX" spelled so whatever
// the case it was given in (RFC 9051 5.1), also as the first level of a longer name. Pure.
// Private to service/store.
class FolderNames
{
public:
    static constexpr qsizetype maxLength = 1000;
    static constexpr QChar separator = QLatin1Char('/');

    // The name as stored, one trailing "/" dropped (RFC 9051 6.3.4: CREATE "a/" makes "a");
    // empty when it cannot name a folder: empty, an empty level, a LIST wildcard ("*", "%"),
    // a control character, or longer than maxLength.
    [[nodiscard]] static QString normalize(const QString& name);
    // The levels above it, outermost first: "a/b/c" gives "a", "a/b".
    [[nodiscard]] static QStringList parents(const QString& name);
    [[nodiscard]] static bool isInbox(const QString& name) { return name == inbox(); }
    [[nodiscard]] static QString inbox() { return QStringLiteral("INBOX"); }
};

} // namespace pw::service
