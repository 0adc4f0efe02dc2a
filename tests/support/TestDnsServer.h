#pragma once

// Placeholder: the loopback DNS server helper is being written (see dnsserver.py).
namespace pw::test {
class TestDnsServer;
} // namespace pw::test
