#!/usr/bin/python3
"""The MX listener through real clients: smtplib, raw sockets and swaks.

Replies are asserted with their codes and enhanced codes as service/smtp/SmtpSession.cpp and
MessageAcceptance.cpp give them; stored messages byte for byte after the header fields the
service adds (Return-Path, Authentication-Results, Received)."""

import json
import os
import smtplib
import socket
import sys
import threading
import time
import unittest

# python3 -I does not put the script's directory on sys.path.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pwharness  # noqa: E402
from pwharness import RawSmtp, ServiceTestCase, added_fields, make_message  # noqa: E402

DOMAIN = "example.test"
ALICE = "alice@example.test"
SENDER = "sender@sender.example"
MAX_SIZE = 1048576


class MxTest(ServiceTestCase):
    CONFIG = {
        "mail": {"max_message_size": str(MAX_SIZE), "max_recipients": "1000"},
        "smtp": {"max_connections_per_ip": "50"},
    }

    @classmethod
    def prepare(cls):
        cls.service.add_domain(DOMAIN)
        cls.service.add_mailbox(ALICE)

    def session(self):
        return self.smtp_session(ehlo=None)

    def session_in_data(self):
        """A session past EHLO, MAIL FROM:<SENDER>, RCPT TO:<ALICE> and DATA (354)."""
        client = self.session()
        self.ehlo(client)
        self.assertReply(client.command("MAIL FROM:<%s>" % SENDER), 250, "2.1.0")
        self.assertReply(client.command("RCPT TO:<%s>" % ALICE), 250, "2.1.5")
        self.assertReply(client.command("DATA"), 354)
        return client

    def ehlo(self, client):
        reply = client.command("EHLO client.example.test")
        self.assertReply(reply, 250)
        return reply

    def inbox_count(self):
        return len(self.service.stored_messages(ALICE))

    def assert_stored_last(self, sent, before):
        messages = self.service.stored_messages(ALICE)
        self.assertEqual(len(messages), before + 1, "exactly one new message in the INBOX")
        fields = added_fields(messages[-1], sent)
        self.assertEqual(
            [name for name, _ in fields],
            ["Return-Path", "Authentication-Results", "Received"],
            "the header fields the service adds",
        )
        return fields

    # --- EHLO and the simple commands -----------------------------------------------------

    def test_ehlo_features(self):
        client = self.session()
        reply = self.ehlo(client)
        self.assertTrue(reply.lines[0].startswith(pwharness.HOSTNAME), reply.lines[0])
        keywords = [line.split(" ")[0].upper() for line in reply.lines[1:]]
        for feature in ("PIPELINING", "SIZE", "8BITMIME", "SMTPUTF8", "ENHANCEDSTATUSCODES", "CHUNKING", "STARTTLS"):
            self.assertIn(feature, keywords)
        self.assertNotIn("AUTH", keywords, "no AUTH on the MX")
        size = [line for line in reply.lines if line.upper().startswith("SIZE ")]
        self.assertEqual(size, ["SIZE %d" % MAX_SIZE])
        # And AUTH is refused when asked for anyway.
        self.assertReply(client.command("AUTH PLAIN AGFsaWNlAHg="), 503, "5.5.1")

    def test_simple_commands(self):
        client = self.session()
        self.ehlo(client)
        self.assertReply(client.command("VRFY alice"), 252, "2.5.2")
        help_reply = client.command("HELP")
        self.assertReply(help_reply, 214, "2.0.0")
        self.assertReply(client.command("NOOP"), 250, "2.0.0")
        self.assertReply(client.command("MAIL FROM:<%s>" % SENDER), 250, "2.1.0")
        self.assertReply(client.command("RSET"), 250, "2.0.0")
        # RSET ended the transaction: RCPT needs a new MAIL.
        self.assertReply(client.command("RCPT TO:<%s>" % ALICE), 503, "5.5.1")
        self.assertReply(client.command("EXPN staff"), 502, "5.5.1")
        self.assertReply(client.command("QUIT"), 221, "2.0.0")
        self.assertTrue(client.closed_by_server(), "the connection closes after QUIT")

    def test_mail_before_helo(self):
        client = self.session()
        self.assertReply(client.command("MAIL FROM:<%s>" % SENDER), 503, "5.5.1")

    # --- delivery ----------------------------------------------------------------------------

    def test_delivery_with_smtplib(self):
        before = self.inbox_count()
        message = make_message(SENDER, ALICE)
        with smtplib.SMTP("127.0.0.1", self.service.smtp_port, local_hostname="client.example.test", timeout=30) as smtp:
            refused = smtp.sendmail(SENDER, [ALICE], message)
            self.assertEqual(refused, {})
        fields = self.assert_stored_last(message, before)
        self.assertEqual(pwharness.field_value(fields[0]), "<%s>" % SENDER)
        results = pwharness.field_value(fields[1])
        self.assertTrue(results.startswith(pwharness.HOSTNAME + ";"), results)
        self.assertIn("spf=none smtp.mailfrom=%s" % SENDER, results)
        received = pwharness.field_value(fields[2])
        self.assertIn("from client.example.test ([127.0.0.1])", received)
        self.assertIn("by %s (Postwarden) with ESMTP" % pwharness.HOSTNAME, received)
        self.assertIn("for <%s>" % ALICE, received)

    def test_delivery_reply_text(self):
        before = self.inbox_count()
        client = self.session()
        self.ehlo(client)
        self.assertReply(client.command("MAIL FROM:<%s> BODY=8BITMIME" % SENDER), 250, "2.1.0")
        self.assertReply(client.command("RCPT TO:<%s>" % ALICE), 250, "2.1.5")
        self.assertReply(client.command("DATA"), 354)
        message = make_message(SENDER, ALICE, body="Grüße, 8 bit\r\n..two dots\r\n".encode("utf-8"))
        # Dot-stuffing: a line starting with "." goes out with one more.
        client.send(message.replace(b"\r\n.", b"\r\n..") + b".\r\n")
        reply = client.reply()
        self.assertReply(reply, 250, "2.0.0")
        self.assertIn("queued as", reply.text)
        self.assert_stored_last(message, before)

    def test_null_sender(self):
        before = self.inbox_count()
        client = self.session()
        self.ehlo(client)
        self.assertReply(client.command("MAIL FROM:<>"), 250, "2.1.0")
        self.assertReply(client.command("RCPT TO:<%s>" % ALICE), 250, "2.1.5")
        self.assertReply(client.command("DATA"), 354)
        message = make_message("mailer-daemon@sender.example", ALICE)
        client.send(pwharness.data_bytes(message))
        self.assertReply(client.reply(), 250, "2.0.0")
        fields = self.assert_stored_last(message, before)
        self.assertEqual(fields[0][1], b"Return-Path: <>")

    def test_unknown_user(self):
        client = self.session()
        self.ehlo(client)
        self.assertReply(client.command("MAIL FROM:<%s>" % SENDER), 250, "2.1.0")
        self.assertReply(client.command("RCPT TO:<nobody@%s>" % DOMAIN), 550, "5.1.1")
        self.assertReply(client.command("DATA"), 554, "5.5.1")

    def test_relay_refused(self):
        client = self.session()
        self.ehlo(client)
        self.assertReply(client.command("MAIL FROM:<%s>" % SENDER), 250, "2.1.0")
        self.assertReply(client.command("RCPT TO:<victim@remote.example>"), 554, "5.7.1")
        self.assertReply(client.command("DATA"), 554, "5.5.1")

    def test_relay_tricks(self):
        tricks = [
            ("alice%%remote.example@%s" % DOMAIN, 550, "5.7.1"),
            ('"alice@remote.example"@%s' % DOMAIN, 550, "5.7.1"),
            ("@%s:alice@%s" % (pwharness.HOSTNAME, DOMAIN), 550, "5.7.1"),
            ("@%s,@other.example:victim@remote.example" % pwharness.HOSTNAME, 550, "5.7.1"),
            ("alice@[127.0.0.1]", 550, "5.7.1"),
            ("remote.example!alice@%s" % DOMAIN, 550, "5.7.1"),
            ("alice@remote.example@%s" % DOMAIN, 501, "5.1.3"),
        ]
        before = self.inbox_count()
        client = self.session()
        self.ehlo(client)
        self.assertReply(client.command("MAIL FROM:<%s>" % SENDER), 250, "2.1.0")
        for address, code, enhanced in tricks:
            with self.subTest(address=address):
                self.assertReply(client.command("RCPT TO:<%s>" % address), code, enhanced, address)
        # None of them became a recipient.
        self.assertReply(client.command("DATA"), 554, "5.5.1")
        self.assertEqual(self.inbox_count(), before)

    # --- pipelining and hostile input ----------------------------------------------------

    def test_pipelined_session_in_one_send(self):
        before = self.inbox_count()
        message = make_message(SENDER, ALICE)
        client = self.session()
        script = (
            b"EHLO client.example.test\r\n"
            b"MAIL FROM:<" + SENDER.encode() + b">\r\n"
            b"RCPT TO:<nobody@" + DOMAIN.encode() + b">\r\n"
            b"RCPT TO:<" + ALICE.encode() + b">\r\n"
            b"DATA\r\n" + pwharness.data_bytes(message) +
            b"NOOP\r\n"
            b"MAIL FROM:<" + SENDER.encode() + b">\r\n"
            b"RCPT TO:<" + ALICE.encode() + b">\r\n"
            b"RSET\r\n"
            b"QUIT\r\n"
        )
        client.send(script)
        expected = [(250, None), (250, "2.1.0"), (550, "5.1.1"), (250, "2.1.5"), (354, None), (250, "2.0.0"),
                    (250, "2.0.0"), (250, "2.1.0"), (250, "2.1.5"), (250, "2.0.0"), (221, "2.0.0")]
        for index, (code, enhanced) in enumerate(expected):
            self.assertReply(client.reply(), code, enhanced, "reply %d of the pipelined session" % index)
        self.assertTrue(client.closed_by_server())
        self.assert_stored_last(message, before)

    def test_garbage_and_nul_bytes(self):
        client = self.session()
        self.ehlo(client)
        self.assertReply(client.command("XYZZY plugh"), 500, "5.5.1")
        client.send(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n")  # a TLS ClientHello where SMTP goes
        self.assertReply(client.reply(), 500)
        client.send(b"NOOP\x00\r\n")
        self.assertReply(client.reply(), 500, "5.5.2")
        client.send(b"MAIL FROM:<a\x00b@sender.example>\r\n")
        self.assertReply(client.reply(), 500, "5.5.2")
        client.send(b"\r\n")
        self.assertReply(client.reply(), 500, "5.5.2")
        client.send(b"NO\rOP\r\n")
        self.assertReply(client.reply(), 500, "5.5.2")
        # Still usable: a whole transaction goes through.
        before = self.inbox_count()
        self.assertReply(client.command("MAIL FROM:<%s>" % SENDER), 250, "2.1.0")
        self.assertReply(client.command("RCPT TO:<%s>" % ALICE), 250, "2.1.5")
        self.assertReply(client.command("DATA"), 354)
        message = make_message(SENDER, ALICE)
        client.send(pwharness.data_bytes(message))
        self.assertReply(client.reply(), 250, "2.0.0")
        self.assert_stored_last(message, before)

    def test_too_many_errors_closes(self):
        client = self.session()
        for index in range(19):
            self.assertReply(client.command("BOGUS %d" % index), 500, "5.5.1")
        self.assertReply(client.command("BOGUS 19"), 500, "5.5.1")
        self.assertReply(client.reply(), 421, "4.7.0")
        self.assertTrue(client.closed_by_server())

    def test_hundred_megabyte_line(self):
        client = self.session()
        self.ehlo(client)
        rss_before = self.service.rss_kib()
        rss_max = rss_before
        chunk = b"A" * (1024 * 1024)
        for n in range(100):
            client.send(chunk)
            if n % 5 == 4:
                rss_max = max(rss_max, self.service.rss_kib())
        client.send(b"\r\n")
        self.assertReply(client.reply(timeout=120), 500, "5.5.6")
        self.assertReply(client.command("NOOP"), 250, "2.0.0")
        rss_max = max(rss_max, self.service.rss_kib())
        sys.stderr.write("\nRSS before the 100 MB line %d KiB, at most %d KiB while it came\n" % (rss_before, rss_max))
        self.assertLess(rss_max - rss_before, 32 * 1024, "the 100 MB line must not be buffered")

    def test_client_that_never_reads(self):
        # A client pipelines commands and never reads the replies. The service must stop
        # reading once its unsent replies pile up (TCP then stops the client), not buffer them
        # without bound.
        client = self.session()
        self.ehlo(client)
        rss_before = self.service.rss_kib()
        rss_max = rss_before
        sock = client.sock
        sock.setblocking(False)
        chunk = b"NOOP\r\n" * 10000
        sent, stalled, samples = 0, None, 0
        deadline = time.monotonic() + 90
        while sent < 40_000_000 and time.monotonic() < deadline:
            try:
                sent += sock.send(chunk[sent % len(chunk) :])
                stalled = None
            except BlockingIOError:
                if stalled is None:
                    stalled = time.monotonic()
                elif time.monotonic() - stalled > 3:
                    break  # the service stopped reading: what it should do
                time.sleep(0.01)
            samples += 1
            if samples % 50 == 0:
                rss_max = max(rss_max, self.service.rss_kib())
        rss_max = max(rss_max, self.service.rss_kib())
        sys.stderr.write(
            "\n%d MB of NOOPs sent unread; RSS before %d KiB, at most %d KiB\n" % (sent // 1000000, rss_before, rss_max)
        )
        self.assertLess(rss_max - rss_before, 48 * 1024, "replies to an unread pipeline must not pile up")

    def test_ten_thousand_recipients(self):
        before = self.inbox_count()
        client = self.session()
        self.ehlo(client)
        script = [b"MAIL FROM:<" + SENDER.encode() + b">\r\n"]
        script += [b"RCPT TO:<alice+%d@%s>\r\n" % (n, DOMAIN.encode()) for n in range(10000)]
        writer = threading.Thread(target=client.send, args=(b"".join(script),))
        writer.start()
        try:
            self.assertReply(client.reply(), 250, "2.1.0")
            codes = {}
            for n in range(10000):
                reply = client.reply()
                expected = (250, "2.1.5") if n < 1000 else (452, "4.5.3")
                if (reply.code, reply.enhanced) != expected:
                    self.fail("RCPT %d: expected %s, got %r" % (n, expected, reply))
                codes[reply.code] = codes.get(reply.code, 0) + 1
        finally:
            writer.join(60)
        self.assertEqual(codes, {250: 1000, 452: 9000})
        self.assertReply(client.command("DATA"), 354)
        message = make_message(SENDER, ALICE)
        client.send(pwharness.data_bytes(message))
        self.assertReply(client.reply(timeout=60), 250, "2.0.0")
        # One mailbox behind all 1000 addresses: one copy.
        fields = self.assert_stored_last(message, before)
        self.assertNotIn(" for <", pwharness.field_value(fields[2]), "several recipients are not named")

    # --- SMTP smuggling ------------------------------------------------------------------------

    def test_smuggling(self):
        endings = [b"\n.\n", b"\n.\r\n", b"\r.\r\n", b"\r\n.\n", b"\r\n.\r"]
        for ending in endings:
            with self.subTest(ending=ending):
                before = self.service.stored_messages(ALICE)
                client = self.session()
                self.ehlo(client)
                self.assertReply(client.command("MAIL FROM:<%s>" % SENDER), 250, "2.1.0")
                self.assertReply(client.command("RCPT TO:<%s>" % ALICE), 250, "2.1.5")
                self.assertReply(client.command("DATA"), 354)
                real = make_message(SENDER, ALICE, subject="real message", body=b"real body\r\n")[:-2]
                smuggled = (
                    b"MAIL FROM:<smuggler@sender.example>\r\n"
                    b"RCPT TO:<" + ALICE.encode() + b">\r\n"
                    b"DATA\r\n"
                    + make_message("smuggler@sender.example", ALICE, subject="SMUGGLED",
                                   body=b"smuggled body\r\n")
                    + b".\r\n"
                )
                client.send(real + ending + smuggled)
                self.assertReply(client.reply(), 550, "5.6.0", "the reply to the real end of data")
                # Nothing of the smuggled text was taken as a command: the next reply is NOOP's.
                self.assertReply(client.command("NOOP"), 250, "2.0.0")
                self.assertReply(client.command("QUIT"), 221, "2.0.0")
                client.close()
                after = self.service.stored_messages(ALICE)
                self.assertEqual(after, before, "nothing stored")
                self.assertFalse(any(b"SMUGGLED" in m for m in after))

    def test_data_end_split_over_packets(self):
        # Every boundary inside CRLF "." CRLF and inside a dot-stuffed line falls between two
        # TCP segments once.
        before = self.inbox_count()
        client = self.session()
        client.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.ehlo(client)
        self.assertReply(client.command("MAIL FROM:<%s>" % SENDER), 250, "2.1.0")
        self.assertReply(client.command("RCPT TO:<%s>" % ALICE), 250, "2.1.5")
        self.assertReply(client.command("DATA"), 354)
        message = make_message(SENDER, ALICE, body=b"one\r\n.two\r\n..three\r\n.\r\n")
        wire = pwharness.data_bytes(message)
        cut = len(wire) - 40
        client.send(wire[:cut])
        for index in range(cut, len(wire)):
            time.sleep(0.02)
            client.send(wire[index : index + 1])
        self.assertReply(client.reply(), 250, "2.0.0")
        self.assert_stored_last(message, before)

    def test_bare_lf_in_data_refused(self):
        client = self.session_in_data()
        client.send(make_message(SENDER, ALICE, body=b"line one\nline two\r\n") + b".\r\n")
        self.assertReply(client.reply(), 550, "5.6.0")

    # --- BDAT ------------------------------------------------------------------------------------

    def test_bdat_one_chunk(self):
        before = self.inbox_count()
        client = self.session()
        self.ehlo(client)
        message = make_message(SENDER, ALICE)
        client.send(
            b"MAIL FROM:<" + SENDER.encode() + b">\r\nRCPT TO:<" + ALICE.encode() + b">\r\n"
            + b"BDAT %d LAST\r\n" % len(message) + message
        )
        self.assertReply(client.reply(), 250, "2.1.0")
        self.assertReply(client.reply(), 250, "2.1.5")
        self.assertReply(client.reply(), 250, "2.0.0")
        self.assertReply(client.command("NOOP"), 250, "2.0.0")
        fields = self.assert_stored_last(message, before)
        self.assertIn("with ESMTP", pwharness.field_value(fields[2]))

    def test_bdat_several_chunks(self):
        before = self.inbox_count()
        client = self.session()
        self.ehlo(client)
        # The chunks split a CRLF and a line that starts with ".": BDAT takes bytes as they are.
        message = make_message(SENDER, ALICE, body=b"first\r\n.second\r\nthird\r\n")
        cut1 = message.index(b"\r\n.second") + 1
        cut2 = cut1 + 5
        self.assertReply(client.command("MAIL FROM:<%s>" % SENDER), 250, "2.1.0")
        self.assertReply(client.command("RCPT TO:<%s>" % ALICE), 250, "2.1.5")
        client.send(b"BDAT %d\r\n" % cut1 + message[:cut1])
        self.assertReply(client.reply(), 250, "2.0.0")
        client.send(b"BDAT %d\r\n" % (cut2 - cut1) + message[cut1:cut2])
        self.assertReply(client.reply(), 250, "2.0.0")
        client.send(b"BDAT 0\r\n")
        self.assertReply(client.reply(), 250, "2.0.0")
        client.send(b"BDAT %d LAST\r\n" % (len(message) - cut2) + message[cut2:])
        self.assertReply(client.reply(), 250, "2.0.0")
        self.assert_stored_last(message, before)

    def test_bdat_without_mail(self):
        client = self.session()
        self.ehlo(client)
        # The chunk is read and thrown away, not run as commands.
        client.send(b"BDAT 12 LAST\r\nQUIT\r\nQUIT\r\nNOOP\r\n")
        self.assertReply(client.reply(), 503, "5.5.1")
        self.assertReply(client.reply(), 250, "2.0.0")

    def test_data_after_bdat_refused(self):
        client = self.session()
        self.ehlo(client)
        self.assertReply(client.command("MAIL FROM:<%s>" % SENDER), 250, "2.1.0")
        self.assertReply(client.command("RCPT TO:<%s>" % ALICE), 250, "2.1.5")
        client.send(b"BDAT 5\r\nFrom:")
        self.assertReply(client.reply(), 250, "2.0.0")
        self.assertReply(client.command("DATA"), 503, "5.5.1")

    # --- sizes and content -----------------------------------------------------------------------

    def test_size_too_big_at_mail(self):
        client = self.session()
        self.ehlo(client)
        self.assertReply(client.command("MAIL FROM:<%s> SIZE=%d" % (SENDER, MAX_SIZE + 1)), 552, "5.3.4")
        self.assertReply(client.command("MAIL FROM:<%s> SIZE=%d" % (SENDER, MAX_SIZE)), 250, "2.1.0")

    def test_oversized_data(self):
        before = self.inbox_count()
        client = self.session_in_data()
        line = b"x" * 998 + b"\r\n"
        body = line * (MAX_SIZE // len(line) + 10)
        client.send(make_message(SENDER, ALICE, body=body) + b".\r\n")
        self.assertReply(client.reply(timeout=60), 552, "5.3.4")
        self.assertReply(client.command("NOOP"), 250, "2.0.0")
        self.assertEqual(self.inbox_count(), before)

    def test_oversized_bdat(self):
        before = self.inbox_count()
        client = self.session()
        self.ehlo(client)
        self.assertReply(client.command("MAIL FROM:<%s>" % SENDER), 250, "2.1.0")
        self.assertReply(client.command("RCPT TO:<%s>" % ALICE), 250, "2.1.5")
        chunk = b"y" * (MAX_SIZE + 100)
        client.send(b"BDAT %d LAST\r\n" % len(chunk) + chunk)
        self.assertReply(client.reply(timeout=60), 552, "5.3.4")
        self.assertReply(client.command("NOOP"), 250, "2.0.0")
        self.assertEqual(self.inbox_count(), before)

    def test_size_boundary(self):
        # Exactly the limit is accepted, one byte more is not; DATA and BDAT alike.
        def exact(size):
            message = make_message(SENDER, ALICE, body=b"")
            filler = size - len(message)
            body = (b"b" * 998 + b"\r\n") * (filler // 1000)
            body += b"c" * (filler - len(body) - 2) + b"\r\n"
            message += body
            self.assertEqual(len(message), size)
            return message

        for size, expected in ((MAX_SIZE, (250, "2.0.0")), (MAX_SIZE + 1, (552, "5.3.4"))):
            for use_bdat in (False, True):
                with self.subTest(size=size, bdat=use_bdat):
                    before = self.inbox_count()
                    message = exact(size)
                    client = self.session()
                    self.ehlo(client)
                    self.assertReply(client.command("MAIL FROM:<%s> SIZE=%d" % (SENDER, MAX_SIZE)), 250, "2.1.0")
                    self.assertReply(client.command("RCPT TO:<%s>" % ALICE), 250, "2.1.5")
                    if use_bdat:
                        client.send(b"BDAT %d LAST\r\n" % len(message) + message)
                    else:
                        self.assertReply(client.command("DATA"), 354)
                        client.send(pwharness.data_bytes(message))
                    self.assertReply(client.reply(timeout=60), *expected)
                    if expected[0] == 250:
                        self.assert_stored_last(message, before)
                    else:
                        self.assertEqual(self.inbox_count(), before)

    def test_starttls_twice(self):
        client = self.session()
        self.ehlo(client)
        self.assertReply(client.starttls(), 220, "2.0.0")
        # RFC 3207 4.2: the EHLO before TLS is forgotten.
        self.assertReply(client.command("MAIL FROM:<%s>" % SENDER), 503, "5.5.1")
        reply = self.ehlo(client)
        self.assertNotIn("STARTTLS", reply.lines)
        self.assertReply(client.command("STARTTLS"), 503, "5.5.1")
        self.assertReply(client.command("NOOP"), 250, "2.0.0")

    def test_message_without_from(self):
        before = self.inbox_count()
        client = self.session_in_data()
        client.send(b"To: <" + ALICE.encode() + b">\r\nSubject: no From\r\n\r\nbody\r\n.\r\n")
        self.assertReply(client.reply(), 550, "5.6.0")
        self.assertEqual(self.inbox_count(), before)

    def test_two_from_fields(self):
        client = self.session_in_data()
        client.send(pwharness.data_bytes(make_message(SENDER, ALICE, extra_headers=b"From: <other@sender.example>\r\n")))
        self.assertReply(client.reply(), 550, "5.6.0")

    def test_helo_without_extensions(self):
        before = self.inbox_count()
        client = self.session()
        reply = client.command("HELO client.example.test")
        self.assertReply(reply, 250)
        self.assertEqual(len(reply.lines), 1, "HELO gets no extension list")
        self.assertReply(client.command("MAIL FROM:<%s>" % SENDER), 250, "2.1.0")
        self.assertReply(client.command("RCPT TO:<%s>" % ALICE), 250, "2.1.5")
        self.assertReply(client.command("DATA"), 354)
        message = make_message(SENDER, ALICE)
        client.send(pwharness.data_bytes(message))
        self.assertReply(client.reply(), 250, "2.0.0")
        fields = self.assert_stored_last(message, before)
        self.assertIn("with SMTP id", pwharness.field_value(fields[2]))

    def test_smtputf8(self):
        before = self.inbox_count()
        client = self.session()
        self.ehlo(client)
        # A UTF-8 address needs the SMTPUTF8 parameter on MAIL.
        self.assertReply(client.command("MAIL FROM:<jörg@sender.example>"), 553, "5.6.7")
        self.assertReply(client.command("MAIL FROM:<%s>" % SENDER), 250, "2.1.0")
        self.assertReply(client.command("RCPT TO:<ålice@%s>" % DOMAIN), 553, "5.6.7")
        self.assertReply(client.command("RSET"), 250, "2.0.0")
        self.assertReply(client.command("MAIL FROM:<jörg@sender.example> SMTPUTF8"), 250, "2.1.0")
        self.assertReply(client.command("RCPT TO:<%s>" % ALICE), 250, "2.1.5")
        self.assertReply(client.command("DATA"), 354)
        message = make_message("jörg@sender.example", ALICE, subject="Grüße")
        client.send(pwharness.data_bytes(message))
        self.assertReply(client.reply(), 250, "2.0.0")
        fields = self.assert_stored_last(message, before)
        self.assertEqual(pwharness.field_value(fields[0]), "<jörg@sender.example>")
        self.assertIn("with UTF8SMTP id", pwharness.field_value(fields[2]))

    def test_transaction_log_record(self):
        with smtplib.SMTP("127.0.0.1", self.service.smtp_port, local_hostname="logged.example.test", timeout=30) as smtp:
            smtp.starttls(context=pwharness.insecure_context())
            smtp.ehlo("logged.example.test")
            smtp.sendmail(SENDER, [ALICE], make_message(SENDER, ALICE))
        records = [json.loads(line) for line in self.service.ctl("--json", "logs", "-n", "500").stdout.splitlines()]
        mine = [r for r in records if r.get("category") == "smtp" and r.get("fields", {}).get("helo") == "logged.example.test"]
        self.assertEqual(len(mine), 1, records[-5:])
        record = mine[0]
        fields = record["fields"]
        self.assertTrue(record.get("session"), record)
        self.assertEqual(fields.get("client"), "127.0.0.1")
        self.assertEqual(fields.get("role"), "smtp")
        self.assertTrue(fields.get("tls", "").startswith("TLSv1."), fields)
        self.assertEqual(fields.get("from"), SENDER)
        self.assertEqual(fields.get("recipients"), [ALICE])
        self.assertGreater(fields.get("size", 0), 0)
        self.assertEqual(fields.get("result"), "accepted")

    # --- swaks -------------------------------------------------------------------------------------

    def swaks(self, *extra):
        before = self.inbox_count()
        subject = "swaks %s %f" % (" ".join(extra), time.time())
        result = pwharness.run(
            ["swaks", "--server", "127.0.0.1", "--port", str(self.service.smtp_port),
             "--helo", "client.example.test", "--from", SENDER, "--to", ALICE,
             "--header", "Subject: " + subject, "--timeout", "30"] + list(extra)
        )
        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertRegex(result.stdout, r"<[~-]  250 2\.0\.0 ")
        messages = self.service.stored_messages(ALICE)
        self.assertEqual(len(messages), before + 1, result.stdout)
        self.assertIn(subject.encode(), messages[-1])
        return result, messages[-1]

    def test_swaks_plain(self):
        result, stored = self.swaks()
        self.assertTrue(stored.startswith(b"Return-Path: <%s>\r\nAuthentication-Results: " % SENDER.encode()))
        self.assertIn(b"with ESMTP id", stored)

    def test_swaks_starttls(self):
        result, stored = self.swaks("--tls")
        self.assertIn("<-  220 2.0.0", result.stdout)  # the reply to STARTTLS, then TLS
        self.assertIn(b"with ESMTPS id", stored)
        self.assertIn(b"(using TLSv1.", stored)


class MxTimeoutTest(ServiceTestCase):
    # DNS waits 1.5 s per try, twice: slow.example's SPF lookup keeps the service busy for
    # 2.5 to 3 s, longer than the command timeout.
    CONFIG = {"smtp": {"command_timeout": "2", "data_timeout": "5"}, "dns": {"query_timeout": "1500"}}
    # TXT answers for slow.example take 2.5 s.
    ZONE = "slow.example DELAY 2500\nslow.example TXT \"v=spf1 ip4:127.0.0.1 -all\"\n"

    @classmethod
    def prepare(cls):
        cls.service.add_domain(DOMAIN)
        cls.service.add_mailbox(ALICE)

    def test_silent_client_gets_421(self):
        client = RawSmtp(self.service.smtp_port)
        self.addCleanup(client.close)
        self.assertReply(client.reply(), 220)
        self.assertReply(client.command("EHLO client.example.test"), 250)
        started = time.monotonic()
        reply = client.reply(timeout=15)
        waited = time.monotonic() - started
        self.assertReply(reply, 421, "4.4.2")
        self.assertGreaterEqual(waited, 1.5)
        self.assertLess(waited, 10)
        self.assertTrue(client.closed_by_server())

    def test_silent_client_on_implicit_tls(self):
        # No handshake at all: the connection is closed after the command timeout, with no
        # reply (there is no TLS to send one over).
        sock = socket.create_connection(("127.0.0.1", self.service.submissions_port), timeout=15)
        self.addCleanup(sock.close)
        started = time.monotonic()
        try:
            data = sock.recv(4096)
        except ConnectionResetError:
            data = b""
        self.assertEqual(data, b"")
        waited = time.monotonic() - started
        self.assertGreaterEqual(waited, 1.5)
        self.assertLess(waited, 10)

    def test_plaintext_client_on_implicit_tls(self):
        client = RawSmtp(self.service.submissions_port, timeout=10)
        self.addCleanup(client.close)
        client.send(b"EHLO client.example.test\r\n")
        self.assertTrue(client.closed_by_server(10), "a failed handshake ends the connection")
        self.assertNotIn(b"250", client.buffer)
        self.assertEqual(self.service.ctl("status").returncode, 0)

    def test_silent_in_data_gets_421(self):
        client = RawSmtp(self.service.smtp_port)
        self.addCleanup(client.close)
        self.assertReply(client.reply(), 220)
        self.assertReply(client.command("EHLO client.example.test"), 250)
        self.assertReply(client.command("MAIL FROM:<%s>" % SENDER), 250, "2.1.0")
        self.assertReply(client.command("RCPT TO:<%s>" % ALICE), 250, "2.1.5")
        # A busy client that keeps talking is not cut off.
        for _ in range(3):
            time.sleep(1.2)
            self.assertReply(client.command("NOOP"), 250, "2.0.0")
        before = len(self.service.stored_messages(ALICE))
        self.assertReply(client.command("DATA"), 354)
        client.send(b"From: <sender@sender.example>\r\n")
        started = time.monotonic()
        # In DATA the data timeout (5 s) applies, not the command timeout (2 s).
        reply = client.reply(timeout=15)
        waited = time.monotonic() - started
        self.assertReply(reply, 421, "4.4.2")
        self.assertGreaterEqual(waited, 4.5)
        self.assertTrue(client.closed_by_server())
        self.assertEqual(len(self.service.stored_messages(ALICE)), before)

    def test_slow_dns_is_not_the_client_timing_out(self):
        # The service waits for DNS (SPF at MAIL FROM) longer than the command timeout; the
        # client, which is waiting for the reply, must not be cut off for it.
        client = RawSmtp(self.service.smtp_port)
        self.addCleanup(client.close)
        self.assertReply(client.reply(), 220)
        self.assertReply(client.command("EHLO client.example.test"), 250)
        started = time.monotonic()
        reply = client.command("MAIL FROM:<someone@slow.example>")
        waited = time.monotonic() - started
        self.assertReply(reply, 250, "2.1.0")
        self.assertGreaterEqual(waited, 2.3, "the DNS answer was delayed past the command timeout")
        self.assertReply(client.command("NOOP"), 250, "2.0.0")


class MxConnectionLimitTest(ServiceTestCase):
    CONFIG = {"smtp": {"max_connections_per_ip": "3", "max_connections": "5"}}

    def setUp(self):
        # The connections of the test before are closed and counted no more.
        self.assertEqual(self.service.wait_for_smtp_connections(0), 0)

    def test_connections_per_address(self):
        clients = []
        self.addCleanup(lambda: [c.close() for c in clients])
        for _ in range(3):
            client = RawSmtp(self.service.smtp_port)
            clients.append(client)
            self.assertReply(client.reply(), 220)
        extra = RawSmtp(self.service.smtp_port)
        clients.append(extra)
        self.assertReply(extra.reply(), 421, "4.7.0")
        self.assertTrue(extra.closed_by_server())
        # A slot freed is a slot taken again.
        self.assertReply(clients[0].command("QUIT"), 221, "2.0.0")
        self.assertTrue(clients[0].closed_by_server())
        deadline = time.monotonic() + 10
        while True:
            again = RawSmtp(self.service.smtp_port)
            clients.append(again)
            reply = again.reply()
            if reply.code == 220 or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        self.assertReply(reply, 220)


    def test_connections_in_total(self):
        clients = []
        self.addCleanup(lambda: [c.close() for c in clients])
        for source in ("127.0.0.2", "127.0.0.2", "127.0.0.3", "127.0.0.3", "127.0.0.4"):
            client = RawSmtp(self.service.smtp_port, source=source)
            clients.append(client)
            self.assertReply(client.reply(), 220, None, source)
        extra = RawSmtp(self.service.smtp_port, source="127.0.0.5")
        clients.append(extra)
        self.assertReply(extra.reply(), 421, "4.7.0")
        self.assertTrue(extra.closed_by_server())
        self.assertEqual(self.service.wait_for_smtp_connections(5), 5)


if __name__ == "__main__":
    unittest.main(verbosity=2)
