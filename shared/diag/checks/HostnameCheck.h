#pragma once

#include "shared/diag/Check.h"

namespace pw::diag {

// hostname.fqdn: the mail host name is a fully qualified domain name (RFC 1123 2.1, RFC 5321
// 4.1.2: EHLO carries one). hostname.resolves: its A/AAAA records lead to the public addresses.
class HostnameCheck : public Check
{
public:
    [[nodiscard]] QString id() const override;
    [[nodiscard]] QString title() const override;
    void run(const CheckEnvironment& environment, QObject* context, Done done) override;

    // Empty if name is a usable FQDN, else why not, in plain words.
    [[nodiscard]] static QString fqdnProblem(const QString& name);
};

} // namespace pw::diag
