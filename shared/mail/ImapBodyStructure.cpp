#include "shared/mail/ImapBodyStructure.h"

#include "shared/mail/ImapEnvelope.h"
#include "shared/mail/ImapString.h"

namespace pw::mail {

namespace {

void appendParameters(QByteArray& out, const QList<MimeParameter>& parameters, bool defaultCharset)
{
    bool charsetSeen = false;
    if (parameters.isEmpty() && !defaultCharset) {
        out.append("NIL");
        return;
    }
    out.append('(');
    for (qsizetype i = 0; i < parameters.size(); ++i) {
        const MimeParameter& parameter = parameters.at(i);
        if (i > 0)
            out.append(' ');
        charsetSeen = charsetSeen || parameter.name == "charset";
        appendImapString(out, parameter.wireName);
        out.append(' ');
        appendImapString(out, parameter.wireValue);
    }
    if (defaultCharset && !charsetSeen) {
        if (!parameters.isEmpty())
            out.append(' ');
        out.append("\"charset\" \"us-ascii\"");
    }
    out.append(')');
}

// body-ext-1part / body-ext-mpart after the MD5 or the parameters: disposition, language,
// location.
void appendCommonExtension(QByteArray& out, const MimePart& part)
{
    out.append(' ');
    if (part.disposition.isNull()) {
        out.append("NIL");
    } else {
        out.append('(');
        appendImapString(out, part.disposition);
        out.append(' ');
        appendParameters(out, part.dispositionParameters, false);
        out.append(')');
    }
    out.append(' ');
    if (part.languages.isEmpty()) {
        out.append("NIL");
    } else {
        out.append('(');
        for (qsizetype i = 0; i < part.languages.size(); ++i) {
            if (i > 0)
                out.append(' ');
            appendImapString(out, part.languages.at(i));
        }
        out.append(')');
    }
    out.append(' ');
    appendImapNString(out, part.location);
}

void appendEmptyPart(QByteArray& out, bool extended)
{
    out.append(R"(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0)");
    out.append(extended ? " NIL NIL NIL NIL)" : ")");
}

void appendPart(QByteArray& out, const MimeMessage& message, const MimePart& part, bool extended)
{
    out.append('(');
    if (part.isMultipart()) {
        if (part.children.isEmpty())
            appendEmptyPart(out, extended);
        for (qsizetype i = 0; i < part.children.size(); ++i)
            appendPart(out, message, message.child(part, i), extended);
        out.append(' ');
        appendImapString(out, part.subtype);
        if (extended) {
            out.append(' ');
            appendParameters(out, part.parameters, false);
            appendCommonExtension(out, part);
        }
        out.append(')');
        return;
    }
    appendImapString(out, part.type);
    out.append(' ');
    appendImapString(out, part.subtype);
    out.append(' ');
    appendParameters(out, part.parameters, part.isText());
    out.append(' ');
    appendImapNString(out, part.contentId);
    out.append(' ');
    appendImapNString(out, part.description);
    out.append(' ');
    if (part.transferEncoding.isNull())
        out.append("\"7bit\"");
    else
        appendImapString(out, part.transferEncoding);
    out.append(' ').append(QByteArray::number(part.bodySize()));
    if (part.isText()) {
        out.append(' ').append(QByteArray::number(part.bodyLines));
    } else if (part.isEncapsulating()) {
        const MimePart* inner = message.encapsulated(part);
        out.append(' ');
        if (inner) {
            appendImapEnvelope(out, message, *inner);
            out.append(' ');
            appendPart(out, message, *inner, extended);
        } else {
            out.append("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) ");
            appendEmptyPart(out, extended);
        }
        out.append(' ').append(QByteArray::number(part.bodyLines));
    }
    if (extended) {
        out.append(' ');
        appendImapNString(out, part.md5);
        appendCommonExtension(out, part);
    }
    out.append(')');
}

} // namespace

void appendImapBodyStructure(QByteArray& out, const MimeMessage& message, const MimePart& part, bool extended)
{
    appendPart(out, message, part, extended);
}

QByteArray imapBodyStructure(const MimeMessage& message, const MimePart& part, bool extended)
{
    QByteArray out;
    appendPart(out, message, part, extended);
    return out;
}

} // namespace pw::mail
