#pragma once

#include "shared/diag/CheckResult.h"
#include "shared/diag/DiagnosticsInput.h"
#include "shared/diag/checks/MailProbe.h"

#include <QCoreApplication>
#include <functional>
#include <memory>

namespace pw::diag::network {

inline QString tr(const char* text)
{
    return QCoreApplication::translate("pw::diag", text);
}

// Collects `count` results that arrive in any order and hands them over, in slot order, once.
class Gather
{
public:
    Gather(int count, std::function<void(CheckResults)> done)
        : m_slots(count)
        , m_missing(count)
        , m_done(std::move(done))
    {}

    void set(int slot, CheckResults results)
    {
        m_slots[slot] = std::move(results);
        if (--m_missing == 0) {
            CheckResults all;
            for (const CheckResults& part : m_slots)
                all += part;
            m_done(std::move(all));
        }
    }

private:
    QList<CheckResults> m_slots;
    int m_missing;
    std::function<void(CheckResults)> m_done;
};

// The greeting and the TLS mode a listener role speaks.
struct RoleProtocol
{
    MailProbeOptions::Greeting greeting = MailProbeOptions::Greeting::Smtp;
    bool smtp = true;
};

[[nodiscard]] inline RoleProtocol roleProtocol(const QString& role)
{
    const bool imap = role.startsWith(QLatin1String("imap"));
    return {imap ? MailProbeOptions::Greeting::Imap : MailProbeOptions::Greeting::Smtp, !imap};
}

} // namespace pw::diag::network
