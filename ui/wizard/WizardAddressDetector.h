#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QStringList>

namespace pw::dns {
class LdnsResolver;
}

namespace pw::ui {

// Finds the addresses a server probably has, for the owner to confirm: the public addresses on
// this machine's own interfaces, and the A/AAAA records of the host name (asked of the
// service's DNS servers, asynchronously).
class WizardAddressDetector : public QObject
{
    Q_OBJECT

public:
    explicit WizardAddressDetector(QObject* parent = nullptr);

    // A new detection drops the one before.
    void detect(const QString& hostname, const QStringList& dnsServers);

    // Interface addresses that are public (no loopback, private, link-local ... ones).
    [[nodiscard]] static QList<QHostAddress> publicInterfaceAddresses();
    // "a, b" for display; `none` when the list is empty.
    [[nodiscard]] static QString joined(const QList<QHostAddress>& addresses, const QString& none);

signals:
    void detected(const QList<QHostAddress>& onThisMachine, const QList<QHostAddress>& ofHostname);

private:
    dns::LdnsResolver* m_resolver = nullptr;
    QObject* m_context = nullptr; // owns the callbacks of one detection
};

} // namespace pw::ui
