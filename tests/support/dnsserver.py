#!/usr/bin/python3
"""Loopback authoritative DNS server for Postwarden's tests.

Run with Debian's /usr/bin/python3 (it needs python3-dnslib):

    dnsserver.py --zone FILE [--log FILE] [--ad]

It binds 127.0.0.1 on one ephemeral port for both UDP and TCP, prints that port
as the first line on stdout, and serves the zone until stdin closes or its
parent process dies. Each query is appended to the log file as one line
"name type proto" (name as asked, without the final dot; proto udp or tcp)
before it is answered, so a client holding an answer also sees the line.

Zone file: one entry per line; blank lines and lines starting with '#' or ';'
are ignored; names are absolute (a final dot is optional).

    name [TTL] [IN] TYPE rdata     a record in zone-file presentation syntax,
                                   parsed by dnslib's RR.fromZone (TXT strings
                                   in double quotes, several per record allowed;
                                   escapes \\" and octal \\ooo; UTF-8 literal)
    $TTL seconds                   default TTL for records without one (300)
    name TIMEOUT                   never answer any query for name
    name SERVFAIL | REFUSED | FORMERR | NOTIMP
                                   answer every query for name with that rcode
    name DELAY milliseconds        answer queries for name only after a delay
    name TRUNCATE                  always answer name over UDP with TC set,
                                   so the client has to retry over TCP
    name AD                        set the AD bit on answers for name

Semantics (RFC 1034 4.3.2, RFC 2308, RFC 4592, RFC 8020):
  * answers are authoritative (AA);
  * a name that owns no record and has no descendant that does is NXDOMAIN,
    with the closest enclosing SOA of the zone in the authority section (a
    synthetic "." SOA with minimum 60 when the zone has none);
  * an existing name without records of the asked type is NOERROR/NODATA,
    also with that SOA;
  * "*.parent" records answer for names below parent that do not exist;
  * CNAMEs are followed inside the zone (at most 8 links), the chain and the
    final records all in the answer section; the rcode is the final target's;
  * over UDP an answer larger than 512 bytes (or the EDNS payload size the
    query offers) is replaced by an empty answer with TC set (RFC 1035 4.2.1,
    RFC 6891 7), so the client retries over TCP (RFC 7766);
  * with --ad (or the AD directive) the AD bit is set on NOERROR and NXDOMAIN
    answers, but only when the query set AD or DO, as a validating resolver
    does (RFC 6840 5.7);
  * a query with EDNS gets an OPT record back (payload 1232).

Commands on stdin, one per line: "reload" re-reads the zone file and prints
"ok" (or "error: ..."); "quit" exits.
"""

import argparse
import heapq
import os
import selectors
import socket
import struct
import sys
import threading
import time

from dnslib import CLASS, EDNS0, QTYPE, RCODE, RR, SOA, DNSLabel, DNSRecord

RCODE_DIRECTIVES = ("SERVFAIL", "REFUSED", "FORMERR", "NOTIMP")
MAX_CNAME_LINKS = 8
DEFAULT_TTL = 300
# RFC 1035 4.2.1: without EDNS a UDP message carries at most 512 bytes.
CLASSIC_UDP_LIMIT = 512
OUR_EDNS_PAYLOAD = 1232


def norm(name):
    """Lower-cased name without the final dot: the key of every lookup."""
    text = str(name).rstrip(".").lower()
    return text


def parent_of(name):
    return name.split(".", 1)[1] if "." in name else ""


class Zone:
    def __init__(self, text):
        self.records = {}  # name -> [RR]
        self.directives = {}  # name -> {directive: argument}
        self.existing = set()  # owners and all their ancestors (RFC 8020)
        self.soas = {}  # name -> SOA RR
        ttl = DEFAULT_TTL
        for number, raw in enumerate(text.splitlines(), 1):
            line = raw.strip()
            if not line or line[0] in "#;":
                continue
            words = line.split()
            if words[0].upper() == "$TTL":
                ttl = int(words[1])
                continue
            keyword = words[1].upper() if len(words) > 1 else ""
            if keyword in RCODE_DIRECTIVES + ("TIMEOUT", "TRUNCATE", "AD", "DELAY"):
                argument = words[2] if len(words) > 2 else None
                if keyword == "DELAY":
                    argument = float(argument) / 1000.0
                self.directives.setdefault(norm(words[0]), {})[keyword] = argument
                continue
            owner = words[0] if words[0].endswith(".") else words[0] + "."
            try:
                rrs = RR.fromZone(owner + line[len(words[0]) :], ttl=ttl)
            except Exception as error:  # dnslib raises several kinds
                raise ValueError("zone line %d: %s: %s" % (number, line, error))
            for rr in rrs:
                name = norm(rr.rname)
                self.records.setdefault(name, []).append(rr)
                if rr.rtype == QTYPE.SOA:
                    self.soas[name] = rr
                while True:
                    self.existing.add(name)
                    if not name:
                        break
                    name = parent_of(name)

    def directive(self, name, keyword):
        return self.directives.get(norm(name), {}).get(keyword)

    def has_directive(self, name, keyword):
        return keyword in self.directives.get(norm(name), {})

    def soa_for(self, name):
        name = norm(name)
        while True:
            if name in self.soas:
                return self.soas[name]
            if not name:
                break
            name = parent_of(name)
        return RR(
            ".",
            QTYPE.SOA,
            ttl=60,
            rdata=SOA("ns.invalid.", "hostmaster.invalid.", (1, 3600, 600, 86400, 60)),
        )

    def rrset(self, name):
        """Records owned by name, or synthesised from a wildcard (RFC 4592 3.3.1)."""
        key = norm(name)
        if key in self.existing:
            return self.records.get(key, []), True
        closest = parent_of(key)
        while closest not in self.existing and closest:
            closest = parent_of(closest)
        wildcard = "*." + closest if closest else "*"
        if wildcard in self.records:
            synthesised = [
                RR(DNSLabel(str(name)), rr.rtype, rr.rclass, rr.ttl, rr.rdata)
                for rr in self.records[wildcard]
            ]
            return synthesised, True
        return [], False


class Server:
    def __init__(self, zone_path, log_path, ad):
        self.zone_path = zone_path
        self.zone = Zone(read_text(zone_path))
        self.log_path = log_path
        self.log = open(log_path, "a", encoding="utf-8") if log_path else None
        self.log_lock = threading.Lock()
        self.ad = ad
        self.pending = []  # heap of (due, sequence, payload, address) for delayed UDP
        self.sequence = 0

    def reload(self):
        self.zone = Zone(read_text(self.zone_path))

    def record_query(self, request, proto):
        if not self.log:
            return
        if request.questions:
            question = request.questions[0]
            name = str(question.qname)
            name = name[:-1] if len(name) > 1 and name.endswith(".") else name
            kind = QTYPE.get(question.qtype)
        else:
            name, kind = ".", "NONE"
        with self.log_lock:
            self.log.write("%s %s %s\n" % (name, kind, proto))
            self.log.flush()

    def answer(self, data, proto):
        """Returns (reply bytes or None to stay silent, delay in seconds)."""
        try:
            request = DNSRecord.parse(data)
        except Exception:
            if len(data) < 2:
                return None, 0
            # RFC 1035 4.1.1: FORMERR for a query we cannot read.
            header = bytearray(data[:2]) + struct.pack("!HHHHH", 0x8001, 0, 0, 0, 0)
            return bytes(header), 0
        self.record_query(request, proto)
        if request.header.qr or not request.questions:
            return None, 0
        zone = self.zone
        question = request.questions[0]
        qname = question.qname
        if zone.has_directive(qname, "TIMEOUT"):
            return None, 0
        delay = zone.directive(qname, "DELAY") or 0

        opt = next((rr for rr in request.ar if rr.rtype == QTYPE.OPT), None)
        reply = request.reply(ra=0, aa=1)
        # dnslib copies the query's flag bits into the reply; only RD belongs there
        # (RFC 1035 4.1.1), AD is ours to decide below.
        reply.header.ad = 0
        reply.header.cd = 0
        reply.header.tc = 0
        reply.header.rd = request.header.rd
        if opt is not None:
            reply.add_ar(EDNS0(udp_len=OUR_EDNS_PAYLOAD))

        forced = next((k for k in RCODE_DIRECTIVES if zone.has_directive(qname, k)), None)
        if forced:
            reply.header.rcode = getattr(RCODE, forced)
            return reply.pack(), delay

        if proto == "udp" and zone.has_directive(qname, "TRUNCATE"):
            return truncated(reply), delay

        rcode = RCODE.NOERROR
        name = qname
        for _ in range(MAX_CNAME_LINKS + 1):
            rrs, exists = zone.rrset(name)
            if not exists:
                rcode = RCODE.NXDOMAIN
                break
            wanted = [rr for rr in rrs if rr.rtype == question.qtype or question.qtype == QTYPE.ANY]
            cname = next((rr for rr in rrs if rr.rtype == QTYPE.CNAME), None)
            if wanted or cname is None or question.qtype == QTYPE.CNAME:
                for rr in wanted:
                    reply.add_answer(rr)
                break
            # RFC 1034 4.3.2 step 3a: restart the lookup at the canonical name.
            reply.add_answer(cname)
            name = cname.rdata.label
        reply.header.rcode = rcode
        if not reply.rr:
            reply.add_auth(zone.soa_for(name))

        asked_for_ad = request.header.ad or (opt is not None and (opt.ttl & 0x8000))
        if (self.ad or zone.has_directive(qname, "AD")) and asked_for_ad:
            reply.header.ad = 1

        packed = reply.pack()
        if proto == "udp":
            limit = CLASSIC_UDP_LIMIT
            if opt is not None:
                limit = max(CLASSIC_UDP_LIMIT, min(opt.rclass, OUR_EDNS_PAYLOAD))
            if len(packed) > limit:
                return truncated(reply), delay
        return packed, delay

    # --- transports -------------------------------------------------------

    def serve_udp(self, sock):
        data, address = sock.recvfrom(65535)
        reply, delay = self.answer(data, "udp")
        if reply is None:
            return
        if delay:
            self.sequence += 1
            heapq.heappush(self.pending, (time.monotonic() + delay, self.sequence, reply, address))
        else:
            sock.sendto(reply, address)

    def flush_delayed(self, sock):
        now = time.monotonic()
        while self.pending and self.pending[0][0] <= now:
            _, _, reply, address = heapq.heappop(self.pending)
            sock.sendto(reply, address)

    def serve_tcp_connection(self, conn):
        # RFC 7766 6.2.1: several length-prefixed queries may share one connection.
        try:
            conn.settimeout(10)
            while True:
                prefix = receive_exactly(conn, 2)
                if prefix is None:
                    return
                data = receive_exactly(conn, struct.unpack("!H", prefix)[0])
                if data is None:
                    return
                reply, delay = self.answer(data, "tcp")
                if reply is None:
                    continue
                if delay:
                    time.sleep(delay)
                conn.sendall(struct.pack("!H", len(reply)) + reply)
        except OSError:
            pass
        finally:
            conn.close()


def truncated(reply):
    # RFC 2181 9: a truncated answer carries no partial RRsets; the client must use TCP.
    empty = DNSRecord(reply.header, q=reply.q)
    empty.header.tc = 1
    empty.rr, empty.auth = [], []
    empty.ar = [rr for rr in reply.ar if rr.rtype == QTYPE.OPT]
    return empty.pack()


def receive_exactly(conn, size):
    chunks = b""
    while len(chunks) < size:
        chunk = conn.recv(size - len(chunks))
        if not chunk:
            return None
        chunks += chunk
    return chunks


def read_text(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def bind_pair():
    """A UDP and a TCP socket on 127.0.0.1 sharing one ephemeral port number."""
    for _ in range(100):
        udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        udp.bind(("127.0.0.1", 0))
        port = udp.getsockname()[1]
        tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            tcp.bind(("127.0.0.1", port))
        except OSError:
            tcp.close()
            udp.close()
            continue
        tcp.listen(64)
        return udp, tcp, port
    raise SystemExit("dnsserver: no port free for both UDP and TCP")


def main():
    parser = argparse.ArgumentParser(description="Loopback test DNS server")
    parser.add_argument("--zone", required=True)
    parser.add_argument("--log", default="")
    parser.add_argument("--ad", action="store_true", help="set AD on answers")
    options = parser.parse_args()

    try:
        server = Server(options.zone, options.log, options.ad)
    except (OSError, ValueError) as error:
        print("error: %s" % error, flush=True)
        return 2
    udp, tcp, port = bind_pair()
    parent = os.getppid()
    print(port, flush=True)

    selector = selectors.DefaultSelector()
    selector.register(udp, selectors.EVENT_READ, "udp")
    selector.register(tcp, selectors.EVENT_READ, "tcp")
    selector.register(sys.stdin, selectors.EVENT_READ, "stdin")
    while True:
        timeout = 0.5
        if server.pending:
            timeout = max(0.0, min(timeout, server.pending[0][0] - time.monotonic()))
        for key, _ in selector.select(timeout):
            if key.data == "udp":
                try:
                    server.serve_udp(udp)
                except OSError:
                    pass
            elif key.data == "tcp":
                conn, _ = tcp.accept()
                threading.Thread(target=server.serve_tcp_connection, args=(conn,), daemon=True).start()
            else:
                line = sys.stdin.readline()
                if not line or line.strip() == "quit":
                    return 0
                if line.strip() == "reload":
                    try:
                        server.reload()
                        print("ok", flush=True)
                    except (OSError, ValueError) as error:
                        print("error: %s" % error, flush=True)
        server.flush_delayed(udp)
        # The parent may die without closing our stdin (a grandchild holding it).
        if os.getppid() != parent:
            return 0


if __name__ == "__main__":
    sys.exit(main())
