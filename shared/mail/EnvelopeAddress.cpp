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
    QByteArray text;
    char special = 0;
    bool quoted = false;
    QByteArray commentBefore; // the last comment between the previous token and this one
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
        QByteArray comment;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (isWhitespace(c)) {
                ++m_pos;
            } else if (c == '(') {
                comment = readComment();
            } else if (c == '"') {
                Token token;
                token.text = readQuoted();
                token.quoted = true;
                token.commentBefore = std::exchange(comment, QByteArray());
                tokens.append(std::move(token));
            } else if (c == '[') {
                Token token;
                token.kind = Token::Kind::DomainLiteral;
                token.text = readDomainLiteral();
                token.commentBefore = std::exchange(comment, QByteArray());
                tokens.append(std::move(token));
            } else if (isSpecial(c)) {
                Token token;
                token.kind = Token::Kind::Special;
                token.special = c;
                token.commentBefore = std::exchange(comment, QByteArray());
                tokens.append(std::move(token));
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
                token.text = m_text.sliced(start, m_pos - start).toByteArray();
                token.commentBefore = std::exchange(comment, QByteArray());
                tokens.append(std::move(token));
            }
        }
        m_trailingComment = comment;
        return tokens;
    }

    [[nodiscard]] const QByteArray& trailingComment() const { return m_trailingComment; }

private:
    QByteArray readComment()
    {
        QByteArray text;
        int depth = 0;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == '\\' && m_pos < m_text.size()) {
                text.append(m_text[m_pos++]);
                continue;
            }
            if (c == '(') {
                if (depth++ > 0)
                    text.append(c);
                continue;
            }
            if (c == ')') {
                if (--depth == 0)
                    break;
                text.append(c);
                continue;
            }
            text.append(c);
        }
        return text.simplified();
    }

    QByteArray readQuoted()
    {
        QByteArray text;
        ++m_pos;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == '"')
                break;
            if (c == '\\' && m_pos < m_text.size()) {
                text.append(m_text[m_pos++]);
                continue;
            }
            if (c != '\r' && c != '\n')
                text.append(c);
        }
        return text;
    }

    QByteArray readDomainLiteral()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] != ']')
            ++m_pos;
        if (m_pos < m_text.size())
            ++m_pos;
        QByteArray text;
        for (const char c : m_text.sliced(start, m_pos - start)) {
            if (!isWhitespace(c))
                text.append(c);
        }
        return text;
    }

    QByteArrayView m_text;
    qsizetype m_pos = 0;
    QByteArray m_trailingComment;
};

class Parser
{
public:
    Parser(QList<Token> tokens, QByteArray trailingComment)
        : m_tokens(std::move(tokens))
        , m_trailingComment(std::move(trailingComment))
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
        QByteArray comment;
        for (qsizetype i = from + 1; i <= m_pos && i < m_tokens.size(); ++i) {
            if (!m_tokens.at(i).commentBefore.isEmpty())
                comment = m_tokens.at(i).commentBefore;
        }
        if (m_pos >= m_tokens.size() && !m_trailingComment.isEmpty())
            comment = m_trailingComment;
        return comment;
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
        } else if (words.size() == 1 && !words.front()->quoted) {
            // A lone word: a local part without its domain.
            address.mailbox = words.front()->text;
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

    QByteArray readDomain()
    {
        QByteArray domain;
        while (m_pos < m_tokens.size()) {
            const Token& token = m_tokens.at(m_pos);
            if (token.kind == Token::Kind::Special)
                break;
            if (token.kind == Token::Kind::Word && token.quoted)
                break;
            domain.append(token.text);
            ++m_pos;
        }
        return domain;
    }

    QList<Token> m_tokens;
    QByteArray m_trailingComment;
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
