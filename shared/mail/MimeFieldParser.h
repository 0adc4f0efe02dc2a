#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace pw::mail {

// One parameter of Content-Type or Content-Disposition (RFC 2045 5.1, RFC 2231).
struct MimeParameter
{
    QByteArray name;  // lower case, without the RFC 2231 "*" marks
    QByteArray value; // quotes removed, continuations joined, charset'lang'%XX decoded to UTF-8
    // What IMAP servers report in BODYSTRUCTURE (Dovecot does the same): continuations joined,
    // but an extended value kept in its charset'lang'%XX form under the name with "*".
    QByteArray wireName;
    QByteArray wireValue;
    bool extended = false; // RFC 2231 extended (charset'lang'%XX) value
};

// The value of the first parameter of that name (case-insensitive), preferring the RFC 2231
// extended form when both are there; a null QByteArray when there is none.
[[nodiscard]] QByteArray mimeParameter(const QList<MimeParameter>& parameters, QByteArrayView name);

struct ContentType
{
    bool valid = false; // type "/" subtype were readable
    QByteArray type;    // lower case
    QByteArray subtype; // lower case
    QList<MimeParameter> parameters;
};

struct ContentDisposition
{
    bool valid = false;
    QByteArray type; // as written ("inline", "attachment", ...)
    QList<MimeParameter> parameters;
};

// Parsers of unfolded MIME header field values. Lenient like mail readers: comments are
// skipped, an unquoted parameter value may hold "=", "/" or "?" and even spaces, a parameter
// without "=" is skipped, and whatever cannot be read is left out rather than failing.
[[nodiscard]] ContentType parseContentType(QByteArrayView value);
[[nodiscard]] ContentDisposition parseContentDisposition(QByteArrayView value);
// Content-Transfer-Encoding: the token as written; null when the value is not one token.
[[nodiscard]] QByteArray parseMimeToken(QByteArrayView value);
// Content-Language (RFC 3282): the language tags of the comma-separated list.
[[nodiscard]] QList<QByteArray> parseLanguageList(QByteArrayView value);

} // namespace pw::mail
