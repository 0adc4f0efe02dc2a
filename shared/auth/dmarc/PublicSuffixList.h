#pragma once

#include <QByteArray>
#include <QSet>
#include <QString>
#include <memory>

namespace pw::auth {

// The Public Suffix List (https://publicsuffix.org/list/): which names are registries
// ("co.uk", "github.io") under which people register their own domains. DMARC needs it to find
// the Organizational Domain (RFC 7489 3.2).
//
// Immutable once built, so one instance is shared by every evaluation on any thread; system()
// builds the one for Debian's file lazily, once.
class PublicSuffixList
{
public:
    enum class Sections
    {
        // ICANN and private ("github.io", "blogspot.com") rules. RFC 7489 3.2 names the list
        // without excluding a section, and a private suffix's customers are separate
        // organisations, so DMARC uses the whole list (as OpenDMARC and Mox do).
        All,
        IcannOnly,
    };

    // Debian's publicsuffix package.
    static constexpr const char* DefaultPath = "/usr/share/publicsuffix/public_suffix_list.dat";

    // nullptr and *error set when the file cannot be read or holds no rule.
    [[nodiscard]] static std::shared_ptr<const PublicSuffixList>
    load(const QString& path = QString::fromLatin1(DefaultPath), Sections sections = Sections::All,
         QString* error = nullptr);
    // The list in the .dat format: one rule per line, "//" comments, "*." wildcards,
    // "!" exceptions, the "===BEGIN PRIVATE DOMAINS===" marker; UTF-8 rules are stored as A-labels.
    [[nodiscard]] static std::shared_ptr<const PublicSuffixList> fromText(const QByteArray& text,
                                                                          Sections sections = Sections::All);
    // DefaultPath, loaded on first use and shared; nullptr if the file is missing.
    [[nodiscard]] static std::shared_ptr<const PublicSuffixList> system();

    // The public suffix of domain by the publicsuffix.org algorithm: the longest matching rule,
    // an exception rule winning and giving up its leftmost label, "*" when nothing matches.
    // Lower-case A-label form; empty for an invalid name.
    [[nodiscard]] QString publicSuffix(const QString& domain) const;
    // RFC 7489 3.2: the public suffix plus one more label of domain, in lower-case A-label form.
    // A domain that is itself a public suffix is its own organizational domain (there is no
    // further label to add). Empty for an invalid name.
    [[nodiscard]] QString organizationalDomain(const QString& domain) const;
    [[nodiscard]] bool isPublicSuffix(const QString& domain) const;

    [[nodiscard]] int ruleCount() const { return m_rules.size() + m_wildcards.size() + m_exceptions.size(); }

private:
    PublicSuffixList() = default;
    void addRule(const QString& rule);
    // Number of labels (from the right) of the public suffix of labels.
    [[nodiscard]] qsizetype suffixLabelCount(const QStringList& labels) const;

    QSet<QString> m_rules;      // "co.uk"
    QSet<QString> m_wildcards;  // "*.bd" stored as "bd"
    QSet<QString> m_exceptions; // "!www.ck" stored as "www.ck"
};

// The domain name in the form DMARC compares: A-labels, lower case, no final dot; empty if
// the name is invalid.
[[nodiscard]] QString normalizedDomain(const QString& domain);

} // namespace pw::auth
