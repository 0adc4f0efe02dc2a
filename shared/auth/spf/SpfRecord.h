#pragma once

#include "shared/auth/spf/SpfMacro.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <optional>

namespace pw::auth {

// qualifier = "+" / "-" / "?" / "~" (RFC 7208 4.6.2)
enum class SpfQualifier
{
    Pass,
    Fail,
    SoftFail,
    Neutral,
};

// RFC 7208 5
enum class SpfMechanismKind
{
    All,
    Include,
    A,
    Mx,
    Ptr,
    Ip4,
    Ip6,
    Exists,
};

struct SpfMechanism
{
    SpfQualifier qualifier = SpfQualifier::Pass;
    SpfMechanismKind kind = SpfMechanismKind::All;
    // include and exists: always; a, mx, ptr: when given (else the current <domain>).
    std::optional<SpfMacroString> domainSpec;
    QHostAddress network; // ip4, ip6
    int ip4Prefix = 32;   // ip4, a, mx (ip4-cidr-length)
    int ip6Prefix = 128;  // ip6, a, mx (ip6-cidr-length)
    QString text;         // the term as written, qualifier included

    // RFC 7208 4.6.4: the mechanisms that count against the limit of 10 DNS-querying terms.
    [[nodiscard]] bool queriesDns() const;
};

// unknown-modifier = name "=" macro-string (RFC 7208 6): kept, and otherwise ignored.
struct SpfModifier
{
    QString name;
    SpfMacroString value;
};

struct SpfParsedRecord;

// One SPF record (RFC 7208 4.5, 4.6, Appendix A), parsed from the octets of a TXT record.
// Parsing is pure and checks the whole record, so that a syntax error anywhere is a permerror
// before any mechanism is evaluated (RFC 7208 4.6).
class SpfRecord
{
public:
    // The character-strings of one TXT record are joined without separator (RFC 7208 3.3)
    // before they come here.
    [[nodiscard]] static SpfParsedRecord parse(QByteArrayView text);

    // RFC 7208 4.5: "v=spf1" (case-insensitive) followed by a space or the end of the record.
    [[nodiscard]] static bool hasSpfVersion(QByteArrayView text);

    struct Selection
    {
        enum Outcome
        {
            NoRecord,
            One,
            Multiple, // a permerror (RFC 7208 4.5)
        };
        Outcome outcome = NoRecord;
        QByteArray text;
    };
    // RFC 7208 4.5: keep the TXT records that are SPF records; exactly one may remain.
    [[nodiscard]] static Selection select(const QList<QByteArray>& txtRecords);

    [[nodiscard]] const QList<SpfMechanism>& mechanisms() const { return m_mechanisms; }
    [[nodiscard]] const std::optional<SpfMacroString>& redirect() const { return m_redirect; }
    [[nodiscard]] const std::optional<SpfMacroString>& explanation() const { return m_explanation; }
    [[nodiscard]] const QList<SpfModifier>& unknownModifiers() const { return m_unknownModifiers; }

private:
    [[nodiscard]] bool parseTerm(const QString& term, QString* error);
    [[nodiscard]] bool parseModifier(const QString& name, const QString& value, QString* error);

    QList<SpfMechanism> m_mechanisms;
    std::optional<SpfMacroString> m_redirect;
    std::optional<SpfMacroString> m_explanation;
    QList<SpfModifier> m_unknownModifiers;
};

struct SpfParsedRecord
{
    std::optional<SpfRecord> record;
    QString error; // why there is no record: a permerror (RFC 7208 4.6)
};

} // namespace pw::auth
