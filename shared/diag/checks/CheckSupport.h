#pragma once

#include "shared/diag/CheckResult.h"
#include "shared/dns/LookupResult.h"
#include "shared/dns/RecordType.h"

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <utility>

class QObject;

namespace pw::dns {
class Resolver;
}

namespace pw::diag {

// Several lookups at once; done gets every answer, in the order they were added, once all have
// come in. done is called later on context's thread (never from run() itself), and never after
// context is destroyed.
class LookupBatch
{
public:
    using Done = std::function<void(const QList<dns::LookupResult>&)>;

    int add(const QString& name, dns::RecordType type);
    void run(dns::Resolver& resolver, QObject* context, Done done) const;

private:
    QList<std::pair<QString, dns::RecordType>> m_queries;
};

// A record as a zone file shows it: "example.org. MX 10 mail.example.org.".
[[nodiscard]] QString recordLine(const dns::Record& record);
// The evidence of a lookup: the CNAMEs followed and the records, or what the DNS said instead.
[[nodiscard]] QStringList lookupEvidence(const dns::LookupResult& lookup);
// "could not tell": a lookup failed temporarily (RFC 2308 / RFC 7208 2.6.6: no definite answer).
[[nodiscard]] CheckResult dnsUnknown(const QString& id, const QString& title,
                                     const dns::LookupResult& lookup);
// A result not evaluated because an earlier one failed.
[[nodiscard]] CheckResult skipped(const QString& id, const QString& title, const QString& reason,
                                  const QStringList& evidence = {});
[[nodiscard]] CheckResult makeResult(const QString& id, CheckStatus status, const QString& title,
                                     const QString& summary, const QString& explanation,
                                     const QString& fix = {}, const QStringList& evidence = {});
// "Publish this DNS record: name / type / value", the form every fix gives records in.
[[nodiscard]] QString publishText(const QString& name, dns::RecordType type, const QString& value);
// The addresses of A/AAAA answers; a temporary failure of one sets *temporary.
[[nodiscard]] QList<QHostAddress> addressesOf(const QList<dns::LookupResult>& lookups,
                                              bool* temporary = nullptr);
// The first temporarily failed lookup among lookups, or nullptr.
[[nodiscard]] const dns::LookupResult* firstTemporaryFailure(const QList<dns::LookupResult>& lookups);

} // namespace pw::diag
