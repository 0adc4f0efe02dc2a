#pragma once

#include "shared/diag/CheckResult.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace pw::diag {

// What a receiving server concluded about a test message (the answer of the control method
// deliverability.test), as result names: "pass", "fail", "softfail", "neutral", "none",
// "temperror", "permerror".
struct DeliverabilityAuth
{
    QString spf;
    QString spfExplanation;
    QStringList dkim; // one result per signature; empty: the message was not signed
    QString dmarc;
    QString dmarcPolicy;

    // Reads {"spf": {"result"}, "dkim": [{"result"}], "dmarc": {"result","policy"}}.
    [[nodiscard]] static DeliverabilityAuth fromJson(const QJsonObject& object);
};

// One line of the score's explanation. `unknown` lines ("could not tell") cost nothing.
struct ScoreDeduction
{
    double points = 0; // positive: what was taken off
    QString id;        // the check id, or "auth.spf" / "auth.dkim" / "auth.dmarc"
    QString title;
    QString why;
    QString fix;
    bool unknown = false;

    [[nodiscard]] QJsonObject toJson() const;
};

// A mail-tester-like score out of 10 for the owner's domain. It starts at 10 and loses:
//   SPF of the test message: fail or permerror -2; softfail, neutral or none -1
//   DKIM of the test message: no passing signature -2
//   DMARC of the test message: no record (none, permerror) -1; not aligned (fail) -1.5
//   reverse DNS: ptr.* failing or warning (no PTR, PTR not matching the host name) -1.5, once
//   each IP blocklist (blocklist.*) listing the server's address -3
//   each domain blocklist (dbl.*) listing the domain -3
//   dynamic or residential address (ip.static, ip.pbl failing or warning) -1, once
//   host name problems (hostname.* failing or warning) -0.5, once
//   no valid TLS certificate (tls.* failing) -0.5, once
// and is clamped to [0, 10]. A temperror of the test message, an Unknown check, or an auth
// result that is missing deducts nothing and is listed as unknown. Without the test message
// (auth nullopt) SPF, DKIM and DMARC are unknown.
struct DeliverabilityScore
{
    static constexpr double kSpfFail = 2.0;
    static constexpr double kSpfWeak = 1.0;
    static constexpr double kDkimNotPass = 2.0;
    static constexpr double kDmarcMissing = 1.0;
    static constexpr double kDmarcNotAligned = 1.5;
    static constexpr double kPtr = 1.5;
    static constexpr double kIpBlocklist = 3.0;
    static constexpr double kDomainBlocklist = 3.0;
    static constexpr double kDynamicIp = 1.0;
    static constexpr double kHostname = 0.5;
    static constexpr double kTls = 0.5;

    double score = 10.0;
    QList<ScoreDeduction> deductions; // in the order above; unknowns included

    [[nodiscard]] static DeliverabilityScore compute(const std::optional<DeliverabilityAuth>& auth,
                                                     const CheckResults& checks);
    // "9.5", "10": at most one decimal, none when whole.
    [[nodiscard]] static QString formatPoints(double points);
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace pw::diag
