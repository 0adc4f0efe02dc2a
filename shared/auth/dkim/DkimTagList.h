#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace pw::auth {

// One tag=value pair of a DKIM tag list. The value keeps any folding whitespace inside it but
// not around it; valueStart/valueEnd locate it in the parsed text, and separatorEnd is where
// the whitespace after it ends (at the ";" or the end of the text), so that the "b=" value can
// be blanked together with its surrounding whitespace (RFC 6376 section 3.7).
struct DkimTag
{
    QByteArray name;
    QByteArray value;
    qsizetype valueStart = 0; // just past the "=" and the whitespace after it
    qsizetype valueEnd = 0;
    qsizetype separatorEnd = 0;
    qsizetype equalsEnd = 0; // just past the "="
};

// RFC 6376 section 3.2 tag lists, as in DKIM-Signature fields and DKIM key records:
//   tag-list = tag-spec *( ";" tag-spec ) [ ";" ]
//   tag-spec = [FWS] tag-name [FWS] "=" [FWS] tag-value [FWS]
// Pure and whole-value: the texts are short and arrive complete (a header field, a TXT record).
class DkimTagList
{
public:
    struct Parse;

    // Whitespace is SP, HTAB, CR and LF (folding). Tag names are case-sensitive; a duplicate
    // name makes the whole list invalid (RFC 6376 3.2). An empty element (";;", or only
    // whitespace) is skipped, as other verifiers do.
    [[nodiscard]] static Parse parse(QByteArrayView text);

    [[nodiscard]] const QList<DkimTag>& tags() const { return m_tags; }
    [[nodiscard]] const DkimTag* find(QByteArrayView name) const;
    [[nodiscard]] bool contains(QByteArrayView name) const { return find(name) != nullptr; }
    // The value, or an empty array when the tag is absent.
    [[nodiscard]] QByteArray value(QByteArrayView name) const;

private:
    QList<DkimTag> m_tags;
};

struct DkimTagList::Parse
{
    DkimTagList list;
    QString error; // empty on success; on error, list holds the tags before the bad one

    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

} // namespace pw::auth
