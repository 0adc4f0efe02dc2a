#include "shared/auth/spf/SpfEvaluator.h"

#include "shared/auth/spf/SpfLog.h"
#include "shared/dns/DnsName.h"

#include <QDateTime>

namespace pw::auth {

namespace {

SpfResult::Result resultOf(SpfQualifier qualifier)
{
    switch (qualifier) {
    case SpfQualifier::Pass:
        return SpfResult::Pass;
    case SpfQualifier::Fail:
        return SpfResult::Fail;
    case SpfQualifier::SoftFail:
        return SpfResult::SoftFail;
    case SpfQualifier::Neutral:
        return SpfResult::Neutral;
    }
    return SpfResult::Neutral;
}

// The character-strings of a TXT record joined without separator (RFC 7208 3.3), as octets.
QByteArray joinedStrings(const dns::Record& record)
{
    QByteArray text;
    for (const QByteArray& part : record.strings)
        text.append(part);
    return text;
}

bool isAscii(const QByteArray& text)
{
    for (const char c : text) {
        if (static_cast<unsigned char>(c) > 0x7f)
            return false;
    }
    return true;
}

QString withoutFinalDot(const QString& name)
{
    return name.endsWith(QLatin1Char('.')) ? name.chopped(1) : name;
}

// name is domain or one of its subdomains (RFC 7208 5.5), compared without regard to case.
bool isAtOrBelow(const QString& name, const QString& domain)
{
    const QString n = withoutFinalDot(name);
    const QString d = withoutFinalDot(domain);
    return n.compare(d, Qt::CaseInsensitive) == 0 || n.endsWith(QLatin1Char('.') + d, Qt::CaseInsensitive);
}

QString lookupProblem(const dns::LookupResult& result)
{
    return QStringLiteral("%1 lookup for %2 failed: %3")
        .arg(dns::recordTypeName(result.type), result.name,
             result.errorString.isEmpty() ? dns::statusName(result.status) : result.errorString);
}

} // namespace

// The evaluation of one record: check_host() at one <domain>.
struct SpfEvaluator::Frame
{
    QString domain;
    SpfRecord record;
    qsizetype next = 0; // the next mechanism to evaluate
    OutcomeCallback done;
};

struct SpfEvaluator::Validation
{
    QStringList names;
    qsizetype next = 0;
    bool firstOnly = false;
    QStringList validated;
    std::function<void(const QStringList&)> done;
};

SpfEvaluator::SpfEvaluator(dns::Resolver& resolver, const SpfRequest& request, const SpfOptions& options,
                           QObject* parent)
    : QObject(parent)
    , m_resolver(resolver)
    , m_request(request)
    , m_options(options)
{
    bool isV4 = false;
    const quint32 v4 = request.clientAddress.toIPv4Address(&isV4);
    m_client = isV4 ? QHostAddress(v4) : request.clientAddress;

    // RFC 7208 2.3 and 2.4: the HELO identity, and MAIL FROM falling back to it.
    m_sender = SpfSender::fromMailFrom(request.identity == SpfIdentity::Helo ? QString() : request.mailFrom,
                                       request.helo);
    m_macroValues.sender = m_sender.address();
    m_macroValues.localPart = m_sender.localPart;
    m_macroValues.senderDomain = m_sender.domain;
    m_macroValues.setAddress(m_client);
    m_macroValues.helo = request.helo;
    m_macroValues.receiver = request.receivingHost;
    m_macroValues.timestamp = QString::number(options.timestamp.value_or(QDateTime::currentSecsSinceEpoch()));

    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        Outcome outcome;
        outcome.result = SpfResult::TempError;
        // RFC 7208 4.6.4: an evaluation over the time limit is a temperror.
        outcome.problem =
            QStringLiteral("the evaluation took longer than %1 ms").arg(m_options.evaluationTimeout.count());
        outcome.domain = m_sender.domain;
        finish(outcome);
    });
}

SpfEvaluator::~SpfEvaluator() = default;

void SpfEvaluator::start(Callback done)
{
    m_done = std::move(done);
    m_deadline.start(m_options.evaluationTimeout);
    QTimer::singleShot(0, this, [this] { begin(); });
}

void SpfEvaluator::begin()
{
    if (m_client.protocol() != QAbstractSocket::IPv4Protocol &&
        m_client.protocol() != QAbstractSocket::IPv6Protocol) {
        Outcome outcome;
        outcome.problem = QStringLiteral("no valid client address");
        outcome.domain = m_sender.domain;
        finish(outcome);
        return;
    }
    checkHost(m_sender.domain, [this](const Outcome& outcome) {
        if (outcome.result == SpfResult::Fail)
            explain(outcome);
        else
            finish(outcome);
    });
}

// RFC 7208 4.3 and 4.4: initial processing and the record lookup.
void SpfEvaluator::checkHost(const QString& domain, OutcomeCallback done)
{
    const auto checkable = spfCheckableDomain(domain);
    if (!checkable) {
        Outcome outcome;
        outcome.domain = domain;
        outcome.problem = QStringLiteral("\"%1\" is not a valid multi-label domain name").arg(domain);
        done(outcome);
        return;
    }
    qCDebug(lcSpf) << "check_host" << *checkable << m_client.toString();
    lookup(spfQueryName(*checkable), dns::RecordType::TXT,
           [this, domain = *checkable, done = std::move(done)](const dns::LookupResult& result) {
               evaluateRecord(domain, result, done);
           });
}

// RFC 7208 4.4, 4.5, 4.6: the records found, selected, parsed, then evaluated.
void SpfEvaluator::evaluateRecord(const QString& domain, const dns::LookupResult& txt, OutcomeCallback done)
{
    Outcome outcome;
    outcome.domain = domain;
    if (txt.isTemporaryFailure()) {
        outcome.result = SpfResult::TempError;
        outcome.problem = lookupProblem(txt);
        done(outcome);
        return;
    }
    QList<QByteArray> texts;
    for (const dns::Record& record : txt.records)
        texts.append(joinedStrings(record));
    const SpfRecord::Selection selection = SpfRecord::select(texts);
    if (selection.outcome == SpfRecord::Selection::NoRecord) {
        outcome.problem = QStringLiteral("%1 has no SPF record").arg(domain);
        done(outcome);
        return;
    }
    if (selection.outcome == SpfRecord::Selection::Multiple) {
        outcome.result = SpfResult::PermError;
        outcome.problem = QStringLiteral("%1 has more than one SPF record").arg(domain);
        done(outcome);
        return;
    }
    SpfParsedRecord parsed = SpfRecord::parse(selection.text);
    if (!parsed.record) {
        outcome.result = SpfResult::PermError;
        outcome.problem = QStringLiteral("the SPF record of %1 is invalid: %2").arg(domain, parsed.error);
        done(outcome);
        return;
    }
    qCDebug(lcSpf) << "record of" << domain << selection.text;
    auto frame = std::make_shared<Frame>();
    frame->domain = domain;
    frame->record = std::move(*parsed.record);
    frame->done = std::move(done);
    continueTerms(frame);
}

// RFC 7208 4.6.2: mechanisms left to right; the first that matches gives the result.
void SpfEvaluator::continueTerms(const std::shared_ptr<Frame>& frame)
{
    const QList<SpfMechanism>& mechanisms = frame->record.mechanisms();
    while (frame->next < mechanisms.size()) {
        const SpfMechanism& mechanism = mechanisms.at(frame->next++);
        const auto decide = [this, frame, mechanism](const MatchOutcome& match) {
            if (match.match == Match::No) {
                continueTerms(frame);
                return;
            }
            Outcome outcome;
            outcome.domain = frame->domain;
            outcome.mechanism = mechanism.text;
            if (match.match == Match::Yes) {
                outcome.result = resultOf(mechanism.qualifier);
                outcome.explanation = frame->record.explanation();
            } else {
                outcome.result =
                    match.match == Match::TempError ? SpfResult::TempError : SpfResult::PermError;
                outcome.problem = match.problem;
            }
            qCDebug(lcSpf) << frame->domain << mechanism.text << "->"
                           << SpfResult::resultName(outcome.result);
            frame->done(outcome);
        };
        if (!mechanism.queriesDns()) {
            if (matchesLocally(mechanism)) {
                decide(MatchOutcome{Match::Yes, {}});
                return;
            }
            continue;
        }
        matchMechanism(frame, mechanism, decide);
        return;
    }
    afterTerms(frame);
}

// RFC 7208 4.7 and 6.1: no mechanism matched; redirect= if present, else "neutral".
void SpfEvaluator::afterTerms(const std::shared_ptr<Frame>& frame)
{
    const auto& redirect = frame->record.redirect();
    if (!redirect) {
        Outcome outcome;
        outcome.result = SpfResult::Neutral;
        outcome.domain = frame->domain;
        frame->done(outcome);
        return;
    }
    const QString term = QStringLiteral("redirect=") + redirect->text();
    if (const auto problem = countDnsTerm()) {
        Outcome outcome;
        outcome.result = SpfResult::PermError;
        outcome.problem = *problem;
        outcome.mechanism = term;
        outcome.domain = frame->domain;
        frame->done(outcome);
        return;
    }
    resolveTarget(frame->domain, redirect, [this, frame, term](const std::optional<QString>& target) {
        // RFC 7208 6.1: the result of the redirect is the result; the exp= of this record is
        // not used, and a target without a record (or a malformed one) is a permerror.
        checkHost(target.value_or(QString()), [frame, term](const Outcome& redirected) {
            Outcome outcome = redirected;
            if (outcome.result == SpfResult::None) {
                outcome.result = SpfResult::PermError;
                outcome.problem = QStringLiteral("%1: %2").arg(term, redirected.problem);
                outcome.mechanism = term;
            }
            frame->done(outcome);
        });
    });
}

void SpfEvaluator::matchMechanism(const std::shared_ptr<Frame>& frame, const SpfMechanism& mechanism,
                                  MatchCallback done)
{
    // RFC 7208 4.6.4: include, a, mx, ptr and exists count against the DNS lookup limit.
    if (const auto problem = countDnsTerm()) {
        done(MatchOutcome{Match::PermError, *problem});
        return;
    }
    resolveTarget(frame->domain, mechanism.domainSpec,
                  [this, mechanism, done = std::move(done)](const std::optional<QString>& target) {
                      if (mechanism.kind == SpfMechanismKind::Include) {
                          matchInclude(target, done);
                          return;
                      }
                      // A target that is no valid domain name is treated as one that does not
                      // exist (RFC 7208 4.3 and 5 by analogy): no match.
                      if (!target) {
                          qCDebug(lcSpf) << mechanism.text << "has an invalid target name";
                          done(MatchOutcome{Match::No, {}});
                          return;
                      }
                      switch (mechanism.kind) {
                      case SpfMechanismKind::A:
                          matchAddresses(*target, mechanism, done);
                          return;
                      case SpfMechanismKind::Mx:
                          matchMx(*target, mechanism, done);
                          return;
                      case SpfMechanismKind::Ptr:
                          matchPtr(*target, done);
                          return;
                      case SpfMechanismKind::Exists:
                          matchExists(*target, done);
                          return;
                      default:
                          done(MatchOutcome{Match::No, {}});
                          return;
                      }
                  });
}

// RFC 7208 5.2: the result of the nested check_host() decides whether include matches.
void SpfEvaluator::matchInclude(const std::optional<QString>& target, MatchCallback done)
{
    const QString domain = target.value_or(QString());
    checkHost(domain, [domain, done = std::move(done)](const Outcome& nested) {
        switch (nested.result) {
        case SpfResult::Pass:
            done(MatchOutcome{Match::Yes, {}});
            return;
        case SpfResult::Fail:
        case SpfResult::SoftFail:
        case SpfResult::Neutral:
            done(MatchOutcome{Match::No, {}});
            return;
        case SpfResult::TempError:
            done(MatchOutcome{Match::TempError, nested.problem});
            return;
        case SpfResult::PermError:
            done(MatchOutcome{Match::PermError, nested.problem});
            return;
        case SpfResult::None:
            done(
                MatchOutcome{Match::PermError, QStringLiteral("include:%1: %2").arg(domain, nested.problem)});
            return;
        }
    });
}

// RFC 7208 5.3: A records for an IPv4 client, AAAA for IPv6, compared with the CIDR length.
void SpfEvaluator::matchAddresses(const QString& target, const SpfMechanism& mechanism, MatchCallback done)
{
    lookup(spfQueryName(target), addressType(),
           [this, target, mechanism, done = std::move(done)](const dns::LookupResult& result) {
               if (result.isTemporaryFailure()) {
                   done(MatchOutcome{Match::TempError, lookupProblem(result)});
                   return;
               }
               if (!result.isOk() || result.records.isEmpty()) {
                   const auto problem = countVoidLookup(target);
                   done(problem ? MatchOutcome{Match::PermError, *problem} : MatchOutcome{Match::No, {}});
                   return;
               }
               done(MatchOutcome{addressesMatch(result.addresses(), mechanism) ? Match::Yes : Match::No, {}});
           });
}

// RFC 7208 5.4: the addresses of every MX host; no fallback to the A record of the target.
void SpfEvaluator::matchMx(const QString& target, const SpfMechanism& mechanism, MatchCallback done)
{
    lookup(spfQueryName(target), dns::RecordType::MX,
           [this, target, mechanism, done = std::move(done)](const dns::LookupResult& result) {
               if (result.isTemporaryFailure()) {
                   done(MatchOutcome{Match::TempError, lookupProblem(result)});
                   return;
               }
               if (!result.isOk() || result.records.isEmpty()) {
                   const auto problem = countVoidLookup(target);
                   done(problem ? MatchOutcome{Match::PermError, *problem} : MatchOutcome{Match::No, {}});
                   return;
               }
               // RFC 7208 4.6.4: more than 10 MX names to look up is a permerror.
               if (result.records.size() > m_options.mxNameLimit) {
                   done(MatchOutcome{Match::PermError, QStringLiteral("%1 has %2 MX records, more than %3")
                                                           .arg(target)
                                                           .arg(result.records.size())
                                                           .arg(m_options.mxNameLimit)});
                   return;
               }
               QStringList hosts;
               for (const dns::Record& record : result.records) {
                   const QString host = withoutFinalDot(record.exchange);
                   // RFC 7505: "MX 0 ." says the domain receives no mail; nothing to look up.
                   if (!host.isEmpty())
                       hosts.append(host);
               }
               matchMxHosts(hosts, 0, mechanism, done);
           });
}

void SpfEvaluator::matchMxHosts(const QStringList& hosts, qsizetype index, const SpfMechanism& mechanism,
                                MatchCallback done)
{
    if (index >= hosts.size()) {
        done(MatchOutcome{Match::No, {}});
        return;
    }
    lookup(hosts.at(index), addressType(),
           [this, hosts, index, mechanism, done = std::move(done)](const dns::LookupResult& result) {
               if (result.isTemporaryFailure()) {
                   done(MatchOutcome{Match::TempError, lookupProblem(result)});
                   return;
               }
               if (result.isOk() && addressesMatch(result.addresses(), mechanism)) {
                   done(MatchOutcome{Match::Yes, {}});
                   return;
               }
               matchMxHosts(hosts, index + 1, mechanism, done);
           });
}

// RFC 7208 5.5: a validated PTR name at or below the target.
void SpfEvaluator::matchPtr(const QString& target, MatchCallback done)
{
    lookup(dns::reverseName(m_client), dns::RecordType::PTR,
           [this, target, done = std::move(done)](const dns::LookupResult& result) {
               // "If a DNS error occurs while doing the PTR RR lookup, then this mechanism
               // fails to match."
               if (result.isTemporaryFailure()) {
                   done(MatchOutcome{Match::No, {}});
                   return;
               }
               if (!result.isOk() || result.records.isEmpty()) {
                   const auto problem = countVoidLookup(result.name);
                   done(problem ? MatchOutcome{Match::PermError, *problem} : MatchOutcome{Match::No, {}});
                   return;
               }
               // RFC 7208 4.6.4: only the first 10 names are considered.
               QStringList candidates;
               for (const QString& name : result.targets().mid(0, m_options.ptrNameLimit)) {
                   if (isAtOrBelow(name, target))
                       candidates.append(withoutFinalDot(name));
               }
               validateNames(candidates, true, [done](const QStringList& validated) {
                   done(MatchOutcome{validated.isEmpty() ? Match::No : Match::Yes, {}});
               });
           });
}

// RFC 7208 5.7: any A record matches, whatever the client's address family.
void SpfEvaluator::matchExists(const QString& target, MatchCallback done)
{
    lookup(spfQueryName(target), dns::RecordType::A,
           [this, target, done = std::move(done)](const dns::LookupResult& result) {
               if (result.isTemporaryFailure()) {
                   done(MatchOutcome{Match::TempError, lookupProblem(result)});
                   return;
               }
               if (!result.isOk() || result.records.isEmpty()) {
                   const auto problem = countVoidLookup(target);
                   done(problem ? MatchOutcome{Match::PermError, *problem} : MatchOutcome{Match::No, {}});
                   return;
               }
               done(MatchOutcome{Match::Yes, {}});
           });
}

bool SpfEvaluator::matchesLocally(const SpfMechanism& mechanism) const
{
    switch (mechanism.kind) {
    case SpfMechanismKind::All:
        return true;
    case SpfMechanismKind::Ip4:
    case SpfMechanismKind::Ip6:
        // RFC 7208 5.6: an IPv4 client matches only ip4, an IPv6 client only ip6.
        return addressesMatch({mechanism.network}, mechanism);
    default:
        return false;
    }
}

bool SpfEvaluator::addressesMatch(const QList<QHostAddress>& addresses, const SpfMechanism& mechanism) const
{
    const bool v4 = m_client.protocol() == QAbstractSocket::IPv4Protocol;
    const int prefix = v4 ? mechanism.ip4Prefix : mechanism.ip6Prefix;
    for (const QHostAddress& address : addresses) {
        if (address.protocol() == m_client.protocol() && m_client.isInSubnet(address, prefix))
            return true;
    }
    return false;
}

void SpfEvaluator::validateNames(const QStringList& names, bool firstOnly,
                                 std::function<void(const QStringList&)> done)
{
    auto validation = std::make_shared<Validation>();
    validation->names = names;
    validation->firstOnly = firstOnly;
    validation->done = std::move(done);
    validateNext(validation);
}

// RFC 7208 5.5: a name is validated when one of its A/AAAA records is the client address; a
// DNS error skips the name.
void SpfEvaluator::validateNext(const std::shared_ptr<Validation>& validation)
{
    if (validation->next >= validation->names.size() ||
        (validation->firstOnly && !validation->validated.isEmpty())) {
        validation->done(validation->validated);
        return;
    }
    const QString name = validation->names.at(validation->next++);
    lookup(name, addressType(), [this, validation, name](const dns::LookupResult& result) {
        if (result.isOk() && result.addresses().contains(m_client))
            validation->validated.append(name);
        validateNext(validation);
    });
}

// %{p} (RFC 7208 7.3): the PTR names of the client, validated once per check.
void SpfEvaluator::ensureValidatedNames(std::function<void()> done)
{
    if (m_validatedNames) {
        done();
        return;
    }
    lookup(dns::reverseName(m_client), dns::RecordType::PTR,
           [this, done = std::move(done)](const dns::LookupResult& result) {
               QStringList names;
               if (result.isOk()) {
                   for (const QString& name : result.targets().mid(0, m_options.ptrNameLimit))
                       names.append(withoutFinalDot(name));
               }
               validateNames(names, false, [this, done](const QStringList& validated) {
                   m_validatedNames = validated;
                   done();
               });
           });
}

// RFC 7208 7.3: the <domain> itself if validated, else a subdomain of it, else any name.
QString SpfEvaluator::validatedNameFor(const QString& domain) const
{
    const QStringList names = m_validatedNames.value_or(QStringList());
    for (const QString& name : names) {
        if (dns::sameName(name, domain))
            return name;
    }
    for (const QString& name : names) {
        if (isAtOrBelow(name, domain))
            return name;
    }
    return names.isEmpty() ? QStringLiteral("unknown") : names.first();
}

// The <target-name> of a term: the current domain, or the expanded domain-spec (RFC 7208 4.8).
void SpfEvaluator::resolveTarget(const QString& domain, const std::optional<SpfMacroString>& spec,
                                 NameCallback done)
{
    if (!spec) {
        done(domain);
        return;
    }
    expand(*spec, domain,
           [done = std::move(done)](const QString& expanded) { done(spfTargetName(expanded)); });
}

void SpfEvaluator::expand(const SpfMacroString& macro, const QString& domain,
                          std::function<void(const QString&)> done)
{
    const auto run = [this, macro, domain, done] {
        SpfMacroValues values = m_macroValues;
        values.domain = domain;
        if (macro.uses('p'))
            values.validatedName = validatedNameFor(domain);
        done(macro.expand(values));
    };
    if (macro.uses('p'))
        ensureValidatedNames(run);
    else
        run();
}

// RFC 7208 6.2: the explanation of a "fail", from the exp= of the record that failed. Any
// problem with it (a malformed target, a DNS error, no or several TXT records, non-ASCII
// text, a syntax error) falls back to the default explanation. Its lookup is no term and
// counts against no limit.
void SpfEvaluator::explain(const Outcome& outcome)
{
    if (!outcome.explanation) {
        explainByDefault(outcome);
        return;
    }
    resolveTarget(outcome.domain, outcome.explanation, [this, outcome](const std::optional<QString>& target) {
        if (!target) {
            explainByDefault(outcome);
            return;
        }
        lookup(spfQueryName(*target), dns::RecordType::TXT, [this, outcome](const dns::LookupResult& result) {
            if (!result.isOk() || result.records.size() != 1) {
                explainByDefault(outcome);
                return;
            }
            const QByteArray text = joinedStrings(result.records.first());
            const auto macro =
                isAscii(text) ? SpfMacroString::parse(QString::fromLatin1(text), SpfMacroContext::Explanation)
                              : std::nullopt;
            if (!macro) {
                explainByDefault(outcome);
                return;
            }
            expand(*macro, outcome.domain,
                   [this, outcome](const QString& explanation) { finish(outcome, explanation); });
        });
    });
}

void SpfEvaluator::explainByDefault(const Outcome& outcome)
{
    const auto macro = SpfMacroString::parse(m_options.defaultExplanation, SpfMacroContext::Explanation);
    if (!macro) {
        finish(outcome, m_options.defaultExplanation);
        return;
    }
    expand(*macro, outcome.domain,
           [this, outcome](const QString& explanation) { finish(outcome, explanation); });
}

void SpfEvaluator::lookup(const QString& name, dns::RecordType type, LookupCallback done)
{
    m_resolver.lookup(name, type, this, [this, done = std::move(done)](const dns::LookupResult& result) {
        if (!m_finished)
            done(result);
    });
}

dns::RecordType SpfEvaluator::addressType() const
{
    return m_client.protocol() == QAbstractSocket::IPv4Protocol ? dns::RecordType::A : dns::RecordType::AAAA;
}

std::optional<QString> SpfEvaluator::countDnsTerm()
{
    // RFC 7208 4.6.4: "SPF implementations MUST limit the total number of those terms to 10
    // during SPF evaluation ... If this limit is exceeded, the implementation MUST return
    // permerror."
    if (++m_dnsTerms > m_options.dnsLookupLimit)
        return QStringLiteral("more than %1 terms that query DNS").arg(m_options.dnsLookupLimit);
    return std::nullopt;
}

std::optional<QString> SpfEvaluator::countVoidLookup(const QString& name)
{
    // RFC 7208 4.6.4: "SPF implementations SHOULD limit "void lookups" to two."
    qCDebug(lcSpf) << "void lookup" << name;
    if (++m_voidLookups > m_options.voidLookupLimit)
        return QStringLiteral("more than %1 void lookups (the last for %2)")
            .arg(m_options.voidLookupLimit)
            .arg(name);
    return std::nullopt;
}

void SpfEvaluator::finish(const Outcome& outcome, const QString& explanation)
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    SpfResult result;
    result.result = outcome.result;
    result.problem = outcome.problem;
    result.mechanism = outcome.mechanism;
    result.domain = outcome.domain;
    if (outcome.result == SpfResult::Fail)
        result.explanation = explanation;
    result.dnsLookups = m_dnsTerms;
    result.voidLookups = m_voidLookups;
    qCDebug(lcSpf) << "result" << result.toString() << result.domain << result.mechanism << result.problem;
    const Callback done = std::move(m_done);
    if (done)
        done(result);
}

} // namespace pw::auth
