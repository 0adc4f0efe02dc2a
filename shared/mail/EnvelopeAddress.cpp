#include "shared/mail/EnvelopeAddress.h"

namespace pw::mail {

namespace {

// A hostile header can list any number of addresses; a reader needs far fewer.
constexpr qsizetype maxAddresses = 10000;

struct Token
{
    enum class Kind
    {
        Word,          // an atom (dots included) or a quoted string
        Special,       // < > @ , ; :
        DomainLiteral, // [...]
    };
    Kind kind = Kind::Word;
    QByteArrayView text; // into the value, or into Lexer::storage() when it had to be unescaped
    char special = 0;
    bool quoted = false;
    QByteArrayView commentBefore; // the last comment between the previous token and this one
    bool spaced = false;          // whitespace or a comment separates it from the previous one
};

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isSpecial(char c)
{
    return c == '<' || c == '>' || c == '@' || c == ',' || c == ';' || c == ':';
}

class Lexer
{
public:
    explicit Lexer(QByteArrayView text)
        : m_text(text)
    {}

    QList<Token> run()
    {
        QList<Token> tokens;
        QByteArrayView comment;
        bool spaced = false;
        const auto add = [&](Token token) {
            token.commentBefore = std::exchange(comment, QByteArrayView());
            token.spaced = std::exchange(spaced, false);
            tokens.append(std::move(token));
        };
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (isWhitespace(c)) {
                ++m_pos;
                spaced = true;
            } else if (c == '(') {
                comment = readComment();
                spaced = true;
            } else if (c == '"') {
                Token token;
                token.text = readQuoted();
                token.quoted = true;
                add(std::move(token));
            } else if (c == '[') {
                Token token;
                token.kind = Token::Kind::DomainLiteral;
                token.text = readDomainLiteral();
                add(std::move(token));
            } else if (isSpecial(c)) {
                Token token;
                token.kind = Token::Kind::Special;
                token.special = c;
                add(std::move(token));
                ++m_pos;
            } else {
                Token token;
                const qsizetype start = m_pos;
                while (m_pos < m_text.size()) {
                    const char d = m_text[m_pos];
                    if (isWhitespace(d) || isSpecial(d) || d == '(' || d == '"' || d == '[')
                        break;
                    ++m_pos;
                }
                token.text = m_text.sliced(start, m_pos - start);
                add(std::move(token));
            }
        }
        m_trailingComment = comment;
        return tokens;
    }

    [[nodiscard]] QByteArrayView trailingComment() const { return m_trailingComment; }

private:
    // Keeps an unescaped copy alive for the tokens that point into it (a QByteArray's bytes
    // stay put when the list around it grows).
    QByteArrayView stored(QByteArray text)
    {
        m_storage.append(std::move(text));
        return m_storage.back();
    }

    QByteArrayView readComment()
    {
        const qsizetype start = m_pos;
        bool plain = true;
        int depth = 0;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == '\\') {
                plain = false;
                if (m_pos < m_text.size())
                    ++m_pos;
            } else if (c == '(') {
                plain = plain && depth == 0;
                ++depth;
            } else if (c == ')') {
                if (--depth == 0)
                    break;
                plain = false;
            } else if (isWhitespace(c)) {
                plain = false;
            }
        }
        const qsizetype end = depth == 0 ? m_pos - 1 : m_pos;
        if (plain)
            return m_text.sliced(start + 1, std::max<qsizetype>(0, end - start - 1));
        QByteArray text;
        depth = 0;
        for (qsizetype i = start; i < m_pos; ++i) {
            const char c = m_text[i];
            if (c == '\\' && i + 1 < m_pos) {
                text.append(m_text[++i]);
            } else if (c == '(') {
                if (depth++ > 0)
                    text.append(c);
            } else if (c == ')') {
                if (--depth > 0)
                    text.append(c);
            } else {
                text.append(c);
            }
        }
        return stored(text.simplified());
    }

    QByteArrayView readQuoted()
    {
        const qsizetype start = ++m_pos;
        bool plain = true;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '"')
                break;
            if (c == '\\' || c == '\r' || c == '\n')
                plain = false;
            m_pos += c == '\\' ? 2 : 1;
        }
        m_pos = std::min(m_pos, m_text.size());
        const qsizetype end = m_pos;
        if (m_pos < m_text.size())
            ++m_pos; // the closing quote
        if (plain)
            return m_text.sliced(start, end - start);
        QByteArray text;
        for (qsizetype i = start; i < end; ++i) {
            const char c = m_text[i];
            if (c == '\\' && i + 1 < end)
                text.append(m_text[++i]);
            else if (c != '\r' && c != '\n')
                text.append(c);
        }
        return stored(std::move(text));
    }

    QByteArrayView readDomainLiteral()
    {
        const qsizetype start = m_pos;
        bool plain = true;
        while (m_pos < m_text.size() && m_text[m_pos] != ']') {
            plain = plain && !isWhitespace(m_text[m_pos]);
            ++m_pos;
        }
        if (m_pos < m_text.size())
            ++m_pos;
        if (plain)
            return m_text.sliced(start, m_pos - start);
        QByteArray text;
        for (const char c : m_text.sliced(start, m_pos - start)) {
            if (!isWhitespace(c))
                text.append(c);
        }
        return stored(std::move(text));
    }

    QByteArrayView m_text;
    qsizetype m_pos = 0;
    QByteArrayView m_trailingComment;
    QList<QByteArray> m_storage;
};

class Parser
{
public:
    Parser(QList<Token> tokens, QByteArrayView trailingComment)
        : m_tokens(std::move(tokens))
        , m_trailingComment(trailingComment)
    {}

    QList<EnvelopeAddress> run()
    {
        while (m_pos < m_tokens.size() && m_out.size() < maxAddresses) {
            if (isSpecial(',')) {
                ++m_pos;
                continue;
            }
            const qsizetype before = m_pos;
            if (!parseGroup())
                parseMailbox();
            // Whatever is left of a broken address, up to the next comma, is dropped.
            while (m_pos < m_tokens.size() && !isSpecial(','))
                ++m_pos;
            if (m_pos == before)
                ++m_pos;
        }
        return std::move(m_out);
    }

private:
    [[nodiscard]] bool isSpecial(char c) const
    {
        return m_pos < m_tokens.size() && m_tokens.at(m_pos).kind == Token::Kind::Special &&
               m_tokens.at(m_pos).special == c;
    }
    [[nodiscard]] bool isWord() const
    {
        return m_pos < m_tokens.size() && m_tokens.at(m_pos).kind == Token::Kind::Word;
    }

    // RFC 5322 3.2.5 phrase: words joined by one space.
    QList<const Token*> readWords()
    {
        QList<const Token*> words;
        while (isWord())
            words.append(&m_tokens.at(m_pos++));
        return words;
    }

    static QByteArray joined(const QList<const Token*>& words, const char* separator)
    {
        QByteArray text;
        for (const Token* word : words) {
            if (!text.isEmpty())
                text.append(separator);
            text.append(word->text);
        }
        return text;
    }

    // The last comment seen from token `from` up to the current position (or the end).
    [[nodiscard]] QByteArray lastComment(qsizetype from) const
    {
        QByteArrayView comment;
        for (qsizetype i = from + 1; i <= m_pos && i < m_tokens.size(); ++i) {
            if (!m_tokens.at(i).commentBefore.isEmpty())
                comment = m_tokens.at(i).commentBefore;
        }
        if (m_pos >= m_tokens.size() && !m_trailingComment.isEmpty())
            comment = m_trailingComment;
        return comment.toByteArray();
    }

    bool parseGroup()
    {
        const qsizetype start = m_pos;
        const QList<const Token*> words = readWords();
        if (words.isEmpty() || !isSpecial(':')) {
            m_pos = start;
            return false;
        }
        ++m_pos;
        m_out.append({QByteArray(), QByteArray(), joined(words, " "), QByteArray()});
        while (m_pos < m_tokens.size() && !isSpecial(';') && m_out.size() < maxAddresses) {
            if (isSpecial(',')) {
                ++m_pos;
                continue;
            }
            const qsizetype before = m_pos;
            parseMailbox();
            while (m_pos < m_tokens.size() && !isSpecial(',') && !isSpecial(';'))
                ++m_pos;
            if (m_pos == before)
                ++m_pos;
        }
        if (isSpecial(';'))
            ++m_pos;
        m_out.append(EnvelopeAddress());
        return true;
    }

    void parseMailbox()
    {
        const qsizetype start = m_pos;
        const QList<const Token*> words = readWords();
        EnvelopeAddress address;
        if (isSpecial('<')) {
            // name-addr = [display-name] angle-addr
            if (!words.isEmpty())
                address.name = joined(words, " ");
            ++m_pos;
            if (!parseAngleAddress(address))
                address.host = QByteArrayLiteral("SYNTAX_ERROR");
        } else if (!words.isEmpty() && isSpecial('@')) {
            // addr-spec, perhaps "user@host (Name)"
            address.mailbox = joined(words, "");
            ++m_pos;
            address.host = readDomain();
            const QByteArray comment = lastComment(start);
            if (!comment.isEmpty())
                address.name = comment;
        } else if (words.isEmpty() && isSpecial('@')) {
            // "@domain": the local part is missing.
            ++m_pos;
            address.host = readDomain();
        } else if (words.size() == 1 && !words.front()->quoted) {
            // A lone word: a local part without its domain.
            address.mailbox = words.front()->text.toByteArray();
            const QByteArray comment = lastComment(start);
            if (!comment.isEmpty())
                address.name = comment;
        } else if (!words.isEmpty()) {
            // Words and no address: a display name on its own.
            address.name = joined(words, " ");
        } else {
            return;
        }
        if (address.mailbox.isEmpty())
            address.mailbox = QByteArrayLiteral("MISSING_MAILBOX");
        if (address.host.isEmpty())
            address.host = QByteArrayLiteral("MISSING_DOMAIN");
        m_out.append(std::move(address));
    }

    // After "<": [route ":"] local-part "@" domain ">". False when the ">" is missing.
    bool parseAngleAddress(EnvelopeAddress& address)
    {
        if (isSpecial('@')) {
            QByteArray route;
            while (isSpecial('@') || isSpecial(',')) {
                if (isSpecial(',')) {
                    ++m_pos;
                    continue;
                }
                ++m_pos;
                if (!route.isEmpty())
                    route.append(',');
                route.append('@').append(readDomain());
            }
            if (isSpecial(':'))
                ++m_pos;
            else
                route = QByteArrayLiteral("INVALID_ROUTE");
            address.route = route;
        }
        const QList<const Token*> local = readWords();
        if (!local.isEmpty())
            address.mailbox = joined(local, "");
        if (isSpecial('@')) {
            ++m_pos;
            address.host = readDomain();
        }
        if (!isSpecial('>'))
            return false;
        ++m_pos;
        return true;
    }

    // dot-atom or domain-literal; atoms apart from each other end it unless a dot joins them
    // (obs-domain allows "example . com").
    QByteArray readDomain()
    {
        QByteArray domain;
        while (m_pos < m_tokens.size()) {
            const Token& token = m_tokens.at(m_pos);
            if (token.kind == Token::Kind::Special)
                break;
            if (token.kind == Token::Kind::Word && token.quoted)
                break;
            if (!domain.isEmpty() && token.spaced && !domain.endsWith('.') && !token.text.startsWith('.'))
                break;
            domain.append(token.text);
            ++m_pos;
        }
        return domain;
    }

    QList<Token> m_tokens;
    QByteArrayView m_trailingComment;
    qsizetype m_pos = 0;
    QList<EnvelopeAddress> m_out;
};

} // namespace

QList<EnvelopeAddress> parseEnvelopeAddresses(QByteArrayView value)
{
    Lexer lexer(value);
    QList<Token> tokens = lexer.run();
    return Parser(std::move(tokens), lexer.trailingComment()).run();
}

} // namespace pw::mail
