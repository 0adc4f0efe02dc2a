#pragma once

#include "service/imap/ImapCommand.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace pw::service {

// The lexical layer of the IMAP command grammar (RFC 9051 section 9) over one command as
// ImapInputReader assembles it: literals carry their bytes in place after "{n}\r\n", the command
// ends with CRLF (or with the end of the text). Every read either consumes a valid token and
// returns true, or returns false with the first error kept for the "BAD" answer.
class ImapTokenizer
{
public:
    static constexpr qint64 maxNumber = 4294967295LL;            // number, nz-number
    static constexpr qint64 maxNumber64 = 9223372036854775807LL; // number64, mod-sequence-value
    static constexpr int maxListItems = 10000; // flags, header fields, patterns, fetch items

    explicit ImapTokenizer(const QByteArray& text);

    // Whether only the final line end (or nothing) is left.
    [[nodiscard]] bool atEnd() const;
    [[nodiscard]] char peek() const;
    [[nodiscard]] char peekAt(qsizetype ahead) const;
    [[nodiscard]] qsizetype position() const { return m_pos; }
    void rewind(qsizetype position) { m_pos = position; }
    bool skip(char c);
    bool expect(char c, const QString& error);
    bool expectSpace();
    // SP followed by something: "missing" when the command ends there.
    bool expectArgument(const QString& missing);
    bool expectEnd();

    bool readTag(QByteArray& tag);
    // ATOM-CHARs (bytes >= 0x80 allowed, for UTF-8 names), upper-cased.
    bool readAtomUpper(QByteArray& out, const QString& error);
    bool readAtom(QByteArray& out, const QString& error);
    // Letters, digits, '.' and '-': fetch item and section keywords, upper-cased.
    [[nodiscard]] QByteArray readKeywordUpper();
    bool readNumber(qint64& out, qint64 max, bool nonZero, const QString& error);
    bool readQuoted(QByteArray& out);
    // {n}, {n+}; ~{n} only with binary (literal8). NUL bytes only with allowNul.
    bool readLiteral(QByteArray& out, bool binary, bool allowNul);
    bool readString(QByteArray& out);
    bool readAstring(QByteArray& out, const QString& missing);
    // NIL gives a null QByteArray, "" an empty non-null one.
    bool readNString(QByteArray& out);
    // astring; "INBOX" in any case is returned as "INBOX" (RFC 9051: INBOX is case-insensitive).
    bool readMailbox(QByteArray& out, const QString& missing);
    // list-mailbox: list-chars (atom chars, '%', '*', ']') or a string.
    bool readListMailbox(QByteArray& out);
    bool readFlag(QByteArray& out);
    // "(" [flag *(SP flag)] ")"
    bool readFlagList(QList<QByteArray>& flags);
    bool readSequenceSet(ImapSequenceSet& set);
    // search date: d-Mon-yyyy, optionally quoted
    bool readDate(QDate& date);
    // APPEND date-time: "dd-Mon-yyyy hh:mm:ss +zzzz"
    bool readDateTime(QDateTime& dateTime);

    // Keeps the first error; returns false so that callers can `return fail(...)`.
    bool fail(const QString& error);
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] bool failed() const { return !m_error.isEmpty(); }

    [[nodiscard]] static bool isAtomChar(char c);
    [[nodiscard]] static bool isTagChar(char c);

private:
    bool readMonth(int& month);
    bool readDigits(int count, int& value);

    const QByteArray& m_text;
    qsizetype m_pos = 0;
    QString m_error;
};

} // namespace pw::service
