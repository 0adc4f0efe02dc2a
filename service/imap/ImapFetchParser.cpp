#include "service/imap/ImapFetchParser.h"

#include <climits>

namespace pw::service {

namespace {

using Kind = ImapFetchItem::Kind;

constexpr int maxPartDepth = 64;

ImapFetchItem simpleItem(Kind kind)
{
    ImapFetchItem item;
    item.kind = kind;
    return item;
}

// The macros of RFC 9051 6.4.5; they stand alone, never inside a list.
bool expandMacro(const QByteArray& name, QList<ImapFetchItem>& items)
{
    if (name != "ALL" && name != "FAST" && name != "FULL")
        return false;
    items.append(simpleItem(Kind::Flags));
    items.append(simpleItem(Kind::InternalDate));
    items.append(simpleItem(Kind::Rfc822Size));
    if (name != "FAST")
        items.append(simpleItem(Kind::Envelope));
    if (name == "FULL")
        items.append(simpleItem(Kind::Body));
    return true;
}

bool simpleKind(const QByteArray& name, Kind& kind)
{
    static const struct
    {
        const char* name;
        Kind kind;
    } table[] = {
        {"ENVELOPE", Kind::Envelope},
        {"FLAGS", Kind::Flags},
        {"INTERNALDATE", Kind::InternalDate},
        {"RFC822", Kind::Rfc822},
        {"RFC822.HEADER", Kind::Rfc822Header},
        {"RFC822.SIZE", Kind::Rfc822Size},
        {"RFC822.TEXT", Kind::Rfc822Text},
        {"BODYSTRUCTURE", Kind::BodyStructure},
        {"UID", Kind::Uid},
        {"MODSEQ", Kind::ModSeq},
    };
    for (const auto& entry : table) {
        if (name == entry.name) {
            kind = entry.kind;
            return true;
        }
    }
    return false;
}

bool readPart(ImapTokenizer& tokens, QList<int>& part)
{
    for (;;) {
        qint64 number = 0;
        if (!tokens.readNumber(number, INT_MAX, true, QStringLiteral("Invalid section part")))
            return false;
        if (part.size() >= maxPartDepth)
            return tokens.fail(QStringLiteral("Section part too deep"));
        part.append(static_cast<int>(number));
        if (tokens.peek() != '.' || tokens.peekAt(1) < '0' || tokens.peekAt(1) > '9')
            return true;
        tokens.skip('.');
    }
}

bool readHeaderList(ImapTokenizer& tokens, QList<QByteArray>& fields)
{
    if (!tokens.expect(' ', QStringLiteral("Missing header field list")) ||
        !tokens.expect('(', QStringLiteral("Missing header field list")))
        return false;
    for (;;) {
        QByteArray field;
        if (!tokens.readAstring(field, QStringLiteral("Invalid header field list")))
            return false;
        if (field.isEmpty())
            return tokens.fail(QStringLiteral("Empty header field name"));
        if (fields.size() >= ImapTokenizer::maxListItems)
            return tokens.fail(QStringLiteral("Too many header fields"));
        fields.append(field.toUpper());
        if (tokens.skip(')'))
            return true;
        if (!tokens.expect(' ', QStringLiteral("Invalid header field list")))
            return false;
    }
}

} // namespace

bool ImapFetchParser::parse(ImapTokenizer& tokens, ImapCommand& command)
{
    if (!tokens.expectArgument(QStringLiteral("Missing fetch items")))
        return false;
    if (tokens.skip('(')) {
        if (tokens.peek() == ')')
            return tokens.fail(QStringLiteral("Empty fetch item list"));
        for (;;) {
            if (command.fetchItems.size() >= ImapTokenizer::maxListItems)
                return tokens.fail(QStringLiteral("Too many fetch items"));
            if (!parseItem(tokens, command.fetchItems))
                return false;
            if (tokens.skip(')'))
                break;
            if (!tokens.expect(' ', QStringLiteral("Invalid fetch item list")))
                return false;
        }
    } else {
        const qsizetype start = tokens.position();
        if (!expandMacro(tokens.readKeywordUpper(), command.fetchItems)) {
            tokens.rewind(start);
            if (!parseItem(tokens, command.fetchItems))
                return false;
        }
    }
    if (tokens.atEnd())
        return true;
    return tokens.expectSpace() && parseModifiers(tokens, command);
}

bool ImapFetchParser::parseItem(ImapTokenizer& tokens, QList<ImapFetchItem>& items)
{
    const QByteArray name = tokens.readKeywordUpper();
    if (name.isEmpty())
        return tokens.fail(QStringLiteral("Invalid fetch item"));
    ImapFetchItem item;
    if (simpleKind(name, item.kind)) {
        if (tokens.peek() == '[' || tokens.peek() == '<')
            return tokens.fail(QStringLiteral("Invalid fetch item"));
        items.append(item);
        return true;
    }
    if (name == "BODY" && tokens.peek() != '[') {
        item.kind = Kind::Body;
        items.append(item);
        return true;
    }
    if (name == "BODY" || name == "BODY.PEEK") {
        item.kind = Kind::Section;
        item.peek = name == "BODY.PEEK";
        if (!parseSection(tokens, item.section) || !parsePartial(tokens, item))
            return false;
    } else if (name == "BINARY" || name == "BINARY.PEEK") {
        item.kind = Kind::Binary;
        item.peek = name == "BINARY.PEEK";
        if (!parseBinarySection(tokens, item.section) || !parsePartial(tokens, item))
            return false;
    } else if (name == "BINARY.SIZE") {
        item.kind = Kind::BinarySize;
        if (!parseBinarySection(tokens, item.section))
            return false;
    } else if (expandMacro(name, items)) {
        return tokens.fail(QStringLiteral("Fetch macros cannot be in a list"));
    } else {
        return tokens.fail(QStringLiteral("Unknown fetch item"));
    }
    items.append(item);
    return true;
}

bool ImapFetchParser::parseSection(ImapTokenizer& tokens, ImapSection& section)
{
    const QString invalid = QStringLiteral("Invalid section");
    if (!tokens.expect('[', invalid))
        return false;
    if (tokens.skip(']'))
        return true;
    bool hasPart = false;
    if (tokens.peek() >= '0' && tokens.peek() <= '9') {
        if (!readPart(tokens, section.part))
            return false;
        hasPart = true;
        if (tokens.skip(']'))
            return true;
        if (!tokens.expect('.', invalid))
            return false;
    }
    const QByteArray text = tokens.readKeywordUpper();
    if (text == "HEADER") {
        section.text = ImapSection::Text::Header;
    } else if (text == "HEADER.FIELDS" || text == "HEADER.FIELDS.NOT") {
        section.text =
            text == "HEADER.FIELDS" ? ImapSection::Text::HeaderFields : ImapSection::Text::HeaderFieldsNot;
        if (!readHeaderList(tokens, section.fields))
            return false;
    } else if (text == "TEXT") {
        section.text = ImapSection::Text::Text;
    } else if (text == "MIME" && hasPart) {
        section.text = ImapSection::Text::Mime;
    } else {
        return tokens.fail(invalid);
    }
    return tokens.expect(']', invalid);
}

bool ImapFetchParser::parseBinarySection(ImapTokenizer& tokens, ImapSection& section)
{
    const QString invalid = QStringLiteral("Invalid section");
    if (!tokens.expect('[', invalid))
        return false;
    if (tokens.skip(']'))
        return true;
    return readPart(tokens, section.part) && tokens.expect(']', invalid);
}

bool ImapFetchParser::parsePartial(ImapTokenizer& tokens, ImapFetchItem& item)
{
    if (!tokens.skip('<'))
        return true;
    const QString invalid = QStringLiteral("Invalid partial range");
    return tokens.readNumber(item.partialStart, ImapTokenizer::maxNumber64, false, invalid) &&
           tokens.expect('.', invalid) &&
           tokens.readNumber(item.partialLength, ImapTokenizer::maxNumber64, true, invalid) &&
           tokens.expect('>', invalid);
}

bool ImapFetchParser::parseModifiers(ImapTokenizer& tokens, ImapCommand& command)
{
    if (!tokens.expect('(', QStringLiteral("Invalid fetch modifiers")))
        return false;
    for (;;) {
        QByteArray name;
        if (!tokens.readAtomUpper(name, QStringLiteral("Invalid fetch modifiers")))
            return false;
        if (name == "CHANGEDSINCE") {
            if (!tokens.expect(' ', QStringLiteral("Missing CHANGEDSINCE value")) ||
                !tokens.readNumber(command.changedSince, ImapTokenizer::maxNumber64, false,
                                   QStringLiteral("Invalid CHANGEDSINCE value")))
                return false;
            command.condstore = true;
        } else if (name == "VANISHED") {
            return tokens.fail(QStringLiteral("VANISHED requires QRESYNC"));
        } else {
            return tokens.fail(QStringLiteral("Unknown fetch modifier"));
        }
        if (tokens.skip(')'))
            return true;
        if (!tokens.expect(' ', QStringLiteral("Invalid fetch modifiers")))
            return false;
    }
}

} // namespace pw::service
