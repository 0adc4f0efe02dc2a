#include "shared/auth/dmarc/DmarcEvaluator.h"

#include "shared/dns/Resolver.h"

#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

namespace pw::auth {

namespace {

// One evaluation in flight: everything the callbacks need, so that they do not depend on the
// evaluator object.
struct Evaluation
{
    dns::Resolver* resolver = nullptr;
    std::shared_ptr<const PublicSuffixList> psl;
    DmarcRandomSource random;
    DmarcInput input;
    QObject* context = nullptr;
    DmarcEvaluator::Callback done;
    DmarcEvaluation result;
    int existenceAnswers = 0;
    bool existenceFound = false;
};
using EvaluationPtr = std::shared_ptr<Evaluation>;

void finish(const EvaluationPtr& state)
{
    state->done(state->result);
}

void finishWith(const EvaluationPtr& state, DmarcStatus status, const QString& explanation)
{
    state->result.status = status;
    state->result.explanation = explanation;
    finish(state);
}

void decide(const EvaluationPtr& state)
{
    DmarcVerdict::decide(state->input, *state->psl, state->random, &state->result);
    finish(state);
}

// RFC 9091 2.1: a domain is non-existent when A, AAAA and MX all answer NXDOMAIN or NODATA.
// A failed lookup counts as existence, which keeps the sp policy.
void checkExistence(const EvaluationPtr& state)
{
    const dns::RecordType types[] = {dns::RecordType::A, dns::RecordType::AAAA, dns::RecordType::MX};
    for (const dns::RecordType type : types) {
        state->resolver->lookup(state->result.fromDomain, type, state->context,
                                [state](const dns::LookupResult& answer) {
                                    if (!answer.isNegative())
                                        state->existenceFound = true;
                                    if (++state->existenceAnswers < 3)
                                        return;
                                    if (!state->existenceFound)
                                        state->result.policySource = DmarcPolicySource::NonExistent;
                                    decide(state);
                                });
    }
}

void useRecord(const EvaluationPtr& state, const QString& name, const QString& text, DmarcPolicySource source)
{
    DmarcEvaluation& e = state->result;
    e.recordName = name;
    e.recordText = text;
    e.policySource = source;
    const DmarcParseResult parsed = DmarcRecordParser::parse(text);
    e.warnings = parsed.errors + parsed.warnings;
    if (!parsed.ok()) {
        // RFC 7489 6.6.3 step 6.2 applies no DMARC processing; RFC 8601 2.7.1 reports such a
        // syntactically broken record as permerror, which also tells the admin to fix it.
        finishWith(state, DmarcStatus::PermError,
                   QStringLiteral("The DMARC record at %1 cannot be used: %2.")
                       .arg(name, parsed.errors.join(QStringLiteral("; "))));
        return;
    }
    e.record = parsed.record;
    if (source == DmarcPolicySource::Subdomain && e.record->nonExistentPolicy)
        checkExistence(state);
    else
        decide(state);
}

// RFC 7489 6.6.3 steps 1-5 for one name. Returns through the callbacks.
void discover(const EvaluationPtr& state, const QString& domain, bool organizational)
{
    const QString name = QStringLiteral("_dmarc.") + domain;
    state->resolver->lookup(
        name, dns::RecordType::TXT, state->context,
        [state, name, organizational](const dns::LookupResult& answer) {
            if (answer.isTemporaryFailure()) {
                finishWith(state, DmarcStatus::TempError,
                           QStringLiteral(
                               "The DMARC policy of %1 could not be looked up (%2 for %3); try again later.")
                               .arg(state->result.fromDomain, dns::statusName(answer.status), name));
                return;
            }
            // Step 4: TXT records that are not DMARC records are discarded.
            QStringList records;
            if (answer.isOk())
                for (const QString& text : answer.texts())
                    if (DmarcRecordParser::isDmarcRecord(text))
                        records.append(text);
            if (records.size() > 1) {
                // Step 5: several records end policy discovery; no DMARC processing.
                finishWith(state, DmarcStatus::None,
                           QStringLiteral("%1 publishes %2 DMARC records; with more than one, none applies.")
                               .arg(name)
                               .arg(records.size()));
                return;
            }
            if (records.size() == 1) {
                useRecord(state, name, records.first(),
                          organizational ? DmarcPolicySource::Subdomain : DmarcPolicySource::Domain);
                return;
            }
            const QString& org = state->result.organizationalDomain;
            if (!organizational && org != state->result.fromDomain) {
                // Step 3: no record at the From domain; ask at the organizational domain.
                discover(state, org, true);
                return;
            }
            finishWith(state, DmarcStatus::None,
                       QStringLiteral("%1 publishes no DMARC policy, so DMARC does not apply.")
                           .arg(state->result.fromDomain));
        });
}

} // namespace

DmarcEvaluator::DmarcEvaluator(dns::Resolver& resolver, std::shared_ptr<const PublicSuffixList> psl,
                               DmarcRandomSource random)
    : m_resolver(resolver)
    , m_psl(std::move(psl))
    , m_random(random ? std::move(random) : DmarcRandomSource([](quint32 bound) {
        return QRandomGenerator::global()->bounded(bound);
    }))
{
    Q_ASSERT(m_psl);
}

void DmarcEvaluator::evaluate(const DmarcInput& input, QObject* context, Callback done) const
{
    auto state = std::make_shared<Evaluation>();
    state->resolver = &m_resolver;
    state->psl = m_psl;
    state->random = m_random;
    state->input = input;
    state->context = context;
    state->done = std::move(done);
    state->result.fromDomain = normalizedDomain(input.fromDomain);

    if (state->result.fromDomain.isEmpty() || !state->result.fromDomain.contains(QLatin1Char('.'))) {
        // RFC 7489 6.6.1: without a usable RFC5322.From domain there is nothing to evaluate.
        // Reported later, as the contract says done never runs inside evaluate().
        const auto report = [state] {
            finishWith(state, DmarcStatus::PermError,
                       QStringLiteral("The From domain \"%1\" is not a valid domain name.")
                           .arg(state->input.fromDomain));
        };
        if (context)
            QTimer::singleShot(0, context, report);
        else
            QTimer::singleShot(0, report);
        return;
    }
    state->result.organizationalDomain = m_psl->organizationalDomain(state->result.fromDomain);
    discover(state, state->result.fromDomain, false);
}

} // namespace pw::auth
