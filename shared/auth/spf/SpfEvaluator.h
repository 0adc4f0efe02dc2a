#pragma once

#include "shared/auth/spf/SpfDomain.h"
#include "shared/auth/spf/SpfMacro.h"
#include "shared/auth/spf/SpfRecord.h"
#include "shared/auth/spf/SpfRequest.h"
#include "shared/auth/spf/SpfResult.h"
#include "shared/dns/Resolver.h"

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

namespace pw::auth {

// One run of check_host() (RFC 7208 4) as an asynchronous state machine over a dns::Resolver:
// the record lookup and selection, the terms in order, include and redirect as nested runs
// sharing the limits of RFC 7208 4.6.4, and the explanation of a "fail" (RFC 7208 6.2).
// Nothing blocks; every step continues in a resolver callback. Use SpfCheck rather than this
// class directly.
//
// Thread affinity: create it, and let it run, in the thread of the resolver. The resolver must
// outlive it. Destroying the evaluator cancels the check (the callback is then not called).
class SpfEvaluator : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const SpfResult&)>;

    SpfEvaluator(dns::Resolver& resolver, const SpfRequest& request, const SpfOptions& options,
                 QObject* parent = nullptr);
    ~SpfEvaluator() override;

    // Starts the check; done is called exactly once, from the event loop, never from start().
    void start(Callback done);

private:
    // What one check_host() (the top one or a nested one) came to.
    struct Outcome
    {
        SpfResult::Result result = SpfResult::None;
        QString problem;
        QString mechanism;
        QString domain;
        std::optional<SpfMacroString> explanation; // exp= of the record that decided
    };
    enum class Match
    {
        Yes,
        No,
        TempError,
        PermError,
    };
    struct MatchOutcome
    {
        Match match = Match::No;
        QString problem;
    };
    struct Frame;
    struct Validation;
    using OutcomeCallback = std::function<void(const Outcome&)>;
    using MatchCallback = std::function<void(const MatchOutcome&)>;
    using NameCallback = std::function<void(const std::optional<QString>&)>;
    using LookupCallback = std::function<void(const dns::LookupResult&)>;

    void begin();
    void checkHost(const QString& domain, OutcomeCallback done);
    void evaluateRecord(const QString& domain, const dns::LookupResult& txt, OutcomeCallback done);
    void continueTerms(const std::shared_ptr<Frame>& frame);
    void afterTerms(const std::shared_ptr<Frame>& frame);

    void matchMechanism(const std::shared_ptr<Frame>& frame, const SpfMechanism& mechanism,
                        MatchCallback done);
    void matchInclude(const std::optional<QString>& target, MatchCallback done);
    void matchAddresses(const QString& target, const SpfMechanism& mechanism, MatchCallback done);
    void matchMx(const QString& target, const SpfMechanism& mechanism, MatchCallback done);
    void matchMxHosts(const QStringList& hosts, qsizetype index, const SpfMechanism& mechanism,
                      MatchCallback done);
    void matchPtr(const QString& target, MatchCallback done);
    void matchExists(const QString& target, MatchCallback done);
    [[nodiscard]] bool matchesLocally(const SpfMechanism& mechanism) const;
    [[nodiscard]] bool addressesMatch(const QList<QHostAddress>& addresses,
                                      const SpfMechanism& mechanism) const;

    // PTR validation (RFC 7208 5.5): the names whose A/AAAA records include the client.
    void validateNames(const QStringList& names, bool firstOnly,
                       std::function<void(const QStringList&)> done);
    void validateNext(const std::shared_ptr<Validation>& validation);
    void ensureValidatedNames(std::function<void()> done);
    [[nodiscard]] QString validatedNameFor(const QString& domain) const;

    void resolveTarget(const QString& domain, const std::optional<SpfMacroString>& spec, NameCallback done);
    void expand(const SpfMacroString& macro, const QString& domain, std::function<void(const QString&)> done);
    void explain(const Outcome& outcome);
    void explainByDefault(const Outcome& outcome);

    // name in presentation form: spfQueryName() of a target, or a name taken from a record.
    void lookup(const QString& name, dns::RecordType type, LookupCallback done);
    [[nodiscard]] dns::RecordType addressType() const;
    [[nodiscard]] std::optional<QString> countDnsTerm();
    [[nodiscard]] std::optional<QString> countVoidLookup(const QString& name);
    void finish(const Outcome& outcome, const QString& explanation = {});

    dns::Resolver& m_resolver;
    const SpfRequest m_request;
    const SpfOptions m_options;
    QHostAddress m_client; // IPv4-mapped IPv6 made IPv4 (RFC 7208 5)
    SpfSender m_sender;
    SpfMacroValues m_macroValues;                // everything but d and p, which depend on the step
    std::optional<QStringList> m_validatedNames; // for %{p}, looked up once
    int m_dnsTerms = 0;
    int m_voidLookups = 0;
    QTimer m_deadline;
    Callback m_done;
    bool m_finished = false;
};

} // namespace pw::auth
