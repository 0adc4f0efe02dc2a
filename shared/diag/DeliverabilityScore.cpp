#include "shared/diag/DeliverabilityScore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace pw::diag {

namespace {

ScoreDeduction deduction(double points, const QString& id, const QString& title, const QString& why,
                         const QString& fix)
{
    return {points, id, title, why, fix, false};
}

ScoreDeduction unknownLine(const QString& id, const QString& title, const QString& why)
{
    return {0, id, title, why, {}, true};
}

bool isProblem(CheckStatus status)
{
    return status == CheckStatus::Fail || status == CheckStatus::Warn;
}

QString whyOf(const CheckResult& result)
{
    return result.summary.isEmpty() ? result.explanation : result.summary;
}

void scoreSpf(const DeliverabilityAuth& auth, QList<ScoreDeduction>& out)
{
    const QString id = QStringLiteral("auth.spf");
    const QString title = QCoreApplication::translate("pw::diag", "SPF of the test message");
    const QString result = auth.spf.toLower();
    const QString fix = QCoreApplication::translate(
        "pw::diag", "Publish an SPF record for the domain that lists this server's public address, "
                    "for example \"v=spf1 mx -all\" or the record on the DNS records step.");
    if (result == QLatin1String("pass"))
        return;
    if (result == QLatin1String("fail") || result == QLatin1String("permerror")) {
        QString why = result == QLatin1String("fail")
                          ? QCoreApplication::translate(
                                "pw::diag",
                                "Receivers would reject or distrust mail from this server: the domain's SPF "
                                "record does not allow its address.")
                          : QCoreApplication::translate(
                                "pw::diag", "The domain's SPF record is broken, so receivers cannot use it.");
        if (!auth.spfExplanation.isEmpty())
            why += QLatin1Char(' ') + auth.spfExplanation;
        out << deduction(DeliverabilityScore::kSpfFail, id, title, why, fix);
        return;
    }
    if (result == QLatin1String("softfail") || result == QLatin1String("neutral") ||
        result == QLatin1String("none")) {
        out << deduction(
            DeliverabilityScore::kSpfWeak, id, title,
            result == QLatin1String("none")
                ? QCoreApplication::translate(
                      "pw::diag", "The domain publishes no SPF record, so receivers cannot tell that this "
                                  "server may send its mail.")
                : QCoreApplication::translate(
                      "pw::diag", "The domain's SPF record does not clearly allow this server (%1).")
                      .arg(result),
            fix);
        return;
    }
    out << unknownLine(
        id, title,
        result.isEmpty()
            ? QCoreApplication::translate("pw::diag", "Could not tell: SPF was not checked.")
            : QCoreApplication::translate("pw::diag", "Could not tell: the SPF check ended in %1.")
                  .arg(result));
}

void scoreDkim(const DeliverabilityAuth& auth, QList<ScoreDeduction>& out)
{
    const QString id = QStringLiteral("auth.dkim");
    const QString title = QCoreApplication::translate("pw::diag", "DKIM signature of the test message");
    QStringList results;
    for (const QString& r : auth.dkim)
        results << r.toLower();
    if (results.contains(QLatin1String("pass")))
        return;
    if (!results.isEmpty() && std::all_of(results.cbegin(), results.cend(),
                                          [](const QString& r) { return r == QLatin1String("temperror"); })) {
        out << unknownLine(id, title,
                           QCoreApplication::translate(
                               "pw::diag", "Could not tell: the DKIM key could not be looked up right now."));
        return;
    }
    out << deduction(
        DeliverabilityScore::kDkimNotPass, id, title,
        results.isEmpty() || results == QStringList{QStringLiteral("none")}
            ? QCoreApplication::translate(
                  "pw::diag", "The message was not signed: the domain has no DKIM key on this server.")
            : QCoreApplication::translate("pw::diag", "The DKIM signature did not verify (%1).")
                  .arg(results.join(QStringLiteral(", "))),
        QCoreApplication::translate("pw::diag", "Publish the DKIM record shown on the DNS records step (name "
                                                "<selector>._domainkey.<domain>) exactly as given."));
}

void scoreDmarc(const DeliverabilityAuth& auth, QList<ScoreDeduction>& out)
{
    const QString id = QStringLiteral("auth.dmarc");
    const QString title = QCoreApplication::translate("pw::diag", "DMARC of the test message");
    const QString result = auth.dmarc.toLower();
    if (result == QLatin1String("pass"))
        return;
    if (result == QLatin1String("none") || result == QLatin1String("permerror")) {
        out << deduction(
            DeliverabilityScore::kDmarcMissing, id, title,
            result == QLatin1String("none")
                ? QCoreApplication::translate("pw::diag", "The domain publishes no DMARC policy.")
                : QCoreApplication::translate("pw::diag", "The domain's DMARC record cannot be used."),
            QCoreApplication::translate("pw::diag", "Publish a DMARC record at _dmarc.<domain>, for example "
                                                    "\"v=DMARC1; p=quarantine\"."));
        return;
    }
    if (result == QLatin1String("fail")) {
        out << deduction(
            DeliverabilityScore::kDmarcNotAligned, id, title,
            QCoreApplication::translate(
                "pw::diag", "Neither SPF nor DKIM passed for the From domain, so DMARC fails and receivers "
                            "apply the domain's policy (%1).")
                .arg(auth.dmarcPolicy.isEmpty() ? QCoreApplication::translate("pw::diag", "none")
                                                : auth.dmarcPolicy),
            QCoreApplication::translate(
                "pw::diag", "Fix SPF and DKIM first; DMARC passes as soon as one of them passes for the "
                            "From domain."));
        return;
    }
    out << unknownLine(
        id, title,
        result.isEmpty()
            ? QCoreApplication::translate("pw::diag", "Could not tell: DMARC was not evaluated.")
            : QCoreApplication::translate("pw::diag", "Could not tell: the DMARC check ended in %1.")
                  .arg(result));
}

// The checks of one family: the first problem deducts once (or every problem, when `each`);
// Unknown results are listed as unknown when nothing in the family deducted.
void scoreFamily(const CheckResults& checks, const QString& prefix, double points, bool each, bool warnCounts,
                 const QString& fallbackFix, QList<ScoreDeduction>& out)
{
    bool deducted = false;
    QList<ScoreDeduction> unknowns;
    for (const CheckResult& check : checks) {
        if (!check.id.startsWith(prefix))
            continue;
        const bool problem = warnCounts ? isProblem(check.status) : check.status == CheckStatus::Fail;
        if (problem && (each || !deducted)) {
            out << deduction(points, check.id, check.title, whyOf(check),
                             check.fix.isEmpty() ? fallbackFix : check.fix);
            deducted = true;
        } else if (check.status == CheckStatus::Unknown) {
            unknowns << unknownLine(check.id, check.title, whyOf(check));
        }
    }
    if (!deducted || each)
        out << unknowns;
}

} // namespace

DeliverabilityAuth DeliverabilityAuth::fromJson(const QJsonObject& object)
{
    DeliverabilityAuth auth;
    const QJsonObject spf = object.value(QStringLiteral("spf")).toObject();
    auth.spf = spf.value(QStringLiteral("result")).toString();
    auth.spfExplanation = spf.value(QStringLiteral("explanation")).toString();
    for (const QJsonValue& value : object.value(QStringLiteral("dkim")).toArray())
        auth.dkim << value.toObject().value(QStringLiteral("result")).toString();
    const QJsonObject dmarc = object.value(QStringLiteral("dmarc")).toObject();
    auth.dmarc = dmarc.value(QStringLiteral("result")).toString();
    auth.dmarcPolicy = dmarc.value(QStringLiteral("policy")).toString();
    return auth;
}

QJsonObject ScoreDeduction::toJson() const
{
    return {{QStringLiteral("points"), points}, {QStringLiteral("id"), id},
            {QStringLiteral("title"), title},   {QStringLiteral("why"), why},
            {QStringLiteral("fix"), fix},       {QStringLiteral("unknown"), unknown}};
}

DeliverabilityScore DeliverabilityScore::compute(const std::optional<DeliverabilityAuth>& auth,
                                                 const CheckResults& checks)
{
    DeliverabilityScore score;
    QList<ScoreDeduction>& out = score.deductions;
    if (auth) {
        scoreSpf(*auth, out);
        scoreDkim(*auth, out);
        scoreDmarc(*auth, out);
    } else {
        const QString why =
            QCoreApplication::translate("pw::diag", "Could not tell: no test message was checked.");
        out << unknownLine(QStringLiteral("auth.spf"),
                           QCoreApplication::translate("pw::diag", "SPF of the test message"), why)
            << unknownLine(QStringLiteral("auth.dkim"),
                           QCoreApplication::translate("pw::diag", "DKIM signature of the test message"), why)
            << unknownLine(QStringLiteral("auth.dmarc"),
                           QCoreApplication::translate("pw::diag", "DMARC of the test message"), why);
    }
    scoreFamily(checks, QStringLiteral("ptr."), kPtr, false, true,
                QCoreApplication::translate(
                    "pw::diag",
                    "Ask whoever gives you the public address (provider, hosting company) to set its reverse "
                    "DNS (PTR) to the server's host name."),
                out);
    scoreFamily(checks, QStringLiteral("blocklist."), kIpBlocklist, true, false,
                QCoreApplication::translate(
                    "pw::diag", "Find out why the address is listed and ask the blocklist to remove it."),
                out);
    scoreFamily(checks, QStringLiteral("dbl."), kDomainBlocklist, true, false,
                QCoreApplication::translate(
                    "pw::diag", "Find out why the domain is listed and ask the blocklist to remove it."),
                out);
    CheckResults ipChecks;
    for (const CheckResult& check : checks) {
        if (check.id == QLatin1String("ip.static") || check.id == QLatin1String("ip.pbl"))
            ipChecks << check;
    }
    scoreFamily(
        ipChecks, QStringLiteral("ip."), kDynamicIp, false, true,
        QCoreApplication::translate(
            "pw::diag", "Send through a static business address, or through your provider's mail relay."),
        out);
    scoreFamily(checks, QStringLiteral("hostname."), kHostname, false, true,
                QCoreApplication::translate(
                    "pw::diag", "Give the server a full host name that resolves to its public address."),
                out);
    scoreFamily(
        checks, QStringLiteral("tls."), kTls, false, false,
        QCoreApplication::translate(
            "pw::diag", "Install a certificate for the host name from a public certificate authority."),
        out);

    double total = 10.0;
    for (const ScoreDeduction& line : std::as_const(out))
        total -= line.points;
    score.score = std::clamp(total, 0.0, 10.0);
    return score;
}

QString DeliverabilityScore::formatPoints(double points)
{
    const double rounded = std::round(points * 10.0) / 10.0;
    return rounded == std::floor(rounded) ? QString::number(qint64(rounded))
                                          : QString::number(rounded, 'f', 1);
}

QJsonObject DeliverabilityScore::toJson() const
{
    QJsonArray lines;
    for (const ScoreDeduction& line : deductions)
        lines.append(line.toJson());
    return {{QStringLiteral("score"), score}, {QStringLiteral("deductions"), lines}};
}

} // namespace pw::diag
