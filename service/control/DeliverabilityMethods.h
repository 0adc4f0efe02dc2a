#pragma once

namespace pw::service {

class MailStack;
class MethodTable;
struct ServiceConfig;

// deliverability.test {"from": "user@domain"}: the SPF, DKIM and DMARC results a receiving
// server would reach on a message from that address (one of ours), with the signed message and
// the Authentication-Results field; answers when the DNS lookups are done.
void registerDeliverabilityMethods(MethodTable& methods, MailStack& mail, const ServiceConfig& config);

} // namespace pw::service
