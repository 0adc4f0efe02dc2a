#include "ui/wizard/WizardAddressDetector.h"

#include "shared/diag/checks/HostIdentitySupport.h"
#include "shared/dns/LdnsResolver.h"

#include <QNetworkInterface>
#include <memory>

namespace pw::ui {

WizardAddressDetector::WizardAddressDetector(QObject* parent)
    : QObject(parent)
{}

QList<QHostAddress> WizardAddressDetector::publicInterfaceAddresses()
{
    QList<QHostAddress> addresses;
    for (const QHostAddress& address : QNetworkInterface::allAddresses()) {
        const QHostAddress plain = diag::identity::normalized(address);
        if (diag::identity::classifyAddress(plain) == diag::identity::AddressKind::Public &&
            !addresses.contains(plain))
            addresses.append(plain);
    }
    return addresses;
}

QString WizardAddressDetector::joined(const QList<QHostAddress>& addresses, const QString& none)
{
    QStringList texts;
    for (const QHostAddress& address : addresses)
        texts.append(diag::identity::addressText(address));
    return texts.isEmpty() ? none : texts.join(QStringLiteral(", "));
}

void WizardAddressDetector::detect(const QString& hostname, const QStringList& dnsServers)
{
    // Dropping the context drops the callbacks of the detection before.
    delete m_context;
    delete m_resolver;
    m_context = new QObject(this);
    const QList<QHostAddress> local = publicInterfaceAddresses();
    if (hostname.isEmpty()) {
        m_resolver = nullptr;
        emit detected(local, {});
        return;
    }
    dns::ResolverOptions options;
    options.servers = dnsServers;
    // The owner may have just published the record.
    options.cacheEnabled = false;
    // The resolver works through the event loop (Qt sockets); nothing here blocks.
    m_resolver = new dns::LdnsResolver(options, this);
    auto found = std::make_shared<QList<QHostAddress>>();
    auto missing = std::make_shared<int>(2);
    for (const dns::RecordType type : {dns::RecordType::A, dns::RecordType::AAAA}) {
        m_resolver->lookup(hostname, type, m_context,
                           [this, found, missing, local](const dns::LookupResult& r) {
                               for (const QHostAddress& address : r.addresses()) {
                                   const QHostAddress plain = diag::identity::normalized(address);
                                   if (!found->contains(plain))
                                       found->append(plain);
                               }
                               if (--*missing == 0)
                                   emit detected(local, *found);
                           });
    }
}

} // namespace pw::ui
