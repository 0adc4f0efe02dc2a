#!/usr/bin/python3
"""Submission (587 role, STARTTLS then AUTH) and submissions (465 role, implicit TLS) through
smtplib, raw sockets and swaks: authentication, the user's own addresses only, DKIM signing
with both keys of the domain, and the lockout after repeated wrong passwords."""

import base64
import os
import smtplib
import sys
import unittest

import dkim

# python3 -I does not put the script's directory on sys.path.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pwharness  # noqa: E402
from pwharness import RawSmtp, ServiceTestCase, added_fields, insecure_context, make_message  # noqa: E402

DOMAIN = "example.test"
ALICE = "alice@example.test"
BOB = "bob@example.test"
CAROL = "carol@example.test"
DAVE = "dave@example.test"
PASSWORDS = {
    ALICE: "alice correct horse",
    BOB: "bob battery staple",
    CAROL: "carol's password",
    DAVE: "dave's password",
}


def plain(user, password):
    return base64.b64encode(b"\0" + user.encode() + b"\0" + password.encode()).decode()


def raw_tls(case):
    """A raw client on the submission port of case.service, after STARTTLS and EHLO."""
    client = RawSmtp(case.service.submission_port)
    case.addCleanup(client.close)
    case.assertReply(client.reply(), 220)
    case.assertReply(client.command("EHLO client.example.test"), 250)
    case.assertReply(client.starttls(), 220, "2.0.0")
    case.assertReply(client.command("EHLO client.example.test"), 250)
    return client


class SubmissionTest(ServiceTestCase):
    CONFIG = {"smtp": {"auth_failures_per_account": "3", "auth_failures_per_ip": "50"}}

    @classmethod
    def prepare(cls):
        cls.service.add_domain(DOMAIN)
        for address, password in PASSWORDS.items():
            cls.service.add_mailbox(address, password)

    # --- helpers ---------------------------------------------------------------------------

    def starttls_client(self):
        smtp = smtplib.SMTP("127.0.0.1", self.service.submission_port, local_hostname="client.example.test", timeout=30)
        self.addCleanup(smtp.close)
        smtp.ehlo()
        self.assertTrue(smtp.has_extn("starttls"), smtp.esmtp_features)
        self.assertFalse(smtp.has_extn("auth"), "no AUTH before TLS: %r" % smtp.esmtp_features)
        code, _ = smtp.starttls(context=insecure_context())
        self.assertEqual(code, 220)
        smtp.ehlo()
        self.assertFalse(smtp.has_extn("starttls"), "no second STARTTLS")
        self.assertEqual(sorted(smtp.esmtp_features.get("auth", "").split()), ["LOGIN", "PLAIN"])
        return smtp

    def raw_tls(self):
        return raw_tls(self)

    def raw_authenticated(self, user):
        client = self.raw_tls()
        self.assertReply(client.command("AUTH PLAIN " + plain(user, PASSWORDS[user])), 235, "2.7.0")
        return client

    def send_and_check(self, smtp, sender, recipient):
        before = len(self.service.stored_messages(recipient))
        message = make_message(sender, recipient)
        self.assertEqual(smtp.sendmail(sender, [recipient], message), {})
        messages = self.service.stored_messages(recipient)
        self.assertEqual(len(messages), before + 1)
        stored = messages[-1]
        fields = added_fields(stored, message)
        self.assertEqual(
            [name for name, _ in fields], ["Return-Path", "Received", "DKIM-Signature", "DKIM-Signature"]
        )
        self.assertEqual(fields[0][1], b"Return-Path: <%s>" % sender.encode())
        return stored, fields

    def verify_signatures(self, stored):
        records = self.service.dkim_records(DOMAIN)
        self.assertTrue(records, "postwardenctl dkim show printed no DKIM record")
        asked = []

        def dnsfunc(name, timeout=5):
            name = name.decode() if isinstance(name, bytes) else name
            asked.append(name)
            selector, _, domain = name.rstrip(".").partition("._domainkey.")
            if domain != DOMAIN or selector not in records:
                return None
            return records[selector].encode()

        fields = [f for f in pwharness.header_fields(stored.split(b"\r\n\r\n", 1)[0]) if f[0] == "DKIM-Signature"]
        algorithms = []
        for index, field in enumerate(fields):
            tags = dict(
                (k.strip(), v.strip())
                for k, _, v in (t.partition("=") for t in pwharness.field_value(field).split(";") if "=" in t)
            )
            algorithms.append(tags.get("a"))
            self.assertEqual(tags.get("d"), DOMAIN)
            self.assertIn("from", [h.strip().lower() for h in tags.get("h", "").split(":")])
            verifier = dkim.DKIM(stored)
            self.assertTrue(
                verifier.verify(idx=index, dnsfunc=dnsfunc),
                "DKIM signature %d (a=%s, s=%s) does not verify; asked %r, have %r"
                % (index, tags.get("a"), tags.get("s"), asked, sorted(records)),
            )
        self.assertEqual(sorted(algorithms), ["ed25519-sha256", "rsa-sha256"])

    # --- STARTTLS and AUTH -------------------------------------------------------------------

    def test_starttls_auth_plain(self):
        smtp = self.starttls_client()
        smtp.user, smtp.password = ALICE, PASSWORDS[ALICE]
        code, text = smtp.auth("PLAIN", smtp.auth_plain)
        self.assertReply((code, text), 235, "2.7.0")
        stored, fields = self.send_and_check(smtp, ALICE, BOB)
        received = pwharness.field_value(fields[1])
        self.assertIn("with ESMTPSA", received)
        self.assertIn("(using TLSv1.", received)
        self.verify_signatures(stored)

    def test_starttls_auth_login(self):
        smtp = self.starttls_client()
        smtp.user, smtp.password = BOB, PASSWORDS[BOB]
        code, text = smtp.auth("LOGIN", smtp.auth_login, initial_response_ok=False)
        self.assertReply((code, text), 235, "2.7.0")
        stored, _ = self.send_and_check(smtp, BOB, ALICE)
        self.verify_signatures(stored)

    def test_auth_login_with_initial_response(self):
        client = self.raw_tls()
        user = base64.b64encode(BOB.encode()).decode()
        reply = client.command("AUTH LOGIN " + user)
        self.assertReply(reply, 334)
        self.assertEqual(reply.lines, ["UGFzc3dvcmQ6"])
        self.assertReply(client.command(base64.b64encode(PASSWORDS[BOB].encode()).decode()), 235, "2.7.0")
        self.assertReply(client.command("AUTH PLAIN " + plain(BOB, PASSWORDS[BOB])), 503, "5.5.1")

    def test_auth_plain_without_initial_response(self):
        client = self.raw_tls()
        self.assertReply(client.command("AUTH PLAIN"), 334)
        self.assertReply(client.command(plain(ALICE, PASSWORDS[ALICE])), 235, "2.7.0")

    def test_pipelined_after_auth(self):
        # The password check takes time; what was pipelined behind AUTH waits for its result.
        client = raw_tls(self)
        before = len(self.service.stored_messages(BOB))
        message = make_message(ALICE, BOB)
        client.send(
            ("AUTH PLAIN %s\r\nMAIL FROM:<%s>\r\nRCPT TO:<%s>\r\n" % (plain(ALICE, PASSWORDS[ALICE]), ALICE, BOB)).encode()
            + b"BDAT %d LAST\r\n" % len(message) + message + b"NOOP\r\n"
        )
        for code, enhanced in ((235, "2.7.0"), (250, "2.1.0"), (250, "2.1.5"), (250, "2.0.0"), (250, "2.0.0")):
            self.assertReply(client.reply(), code, enhanced)
        self.assertEqual(len(self.service.stored_messages(BOB)), before + 1)

    def test_pipelined_after_failed_auth(self):
        client = raw_tls(self)
        client.send(("AUTH PLAIN %s\r\nMAIL FROM:<%s>\r\n" % (plain(ALICE, "wrong"), ALICE)).encode())
        self.assertReply(client.reply(), 535, "5.7.8")
        self.assertReply(client.reply(), 530, "5.7.0")

    def test_auth_cancelled_and_bad_base64(self):
        client = self.raw_tls()
        self.assertReply(client.command("AUTH LOGIN"), 334)
        self.assertReply(client.command("*"), 501, "5.0.0")
        self.assertReply(client.command("AUTH PLAIN !!!notbase64"), 501, "5.5.2")
        self.assertReply(client.command("AUTH CRAM-MD5"), 504, "5.5.4")
        self.assertReply(client.command("AUTH PLAIN " + plain(ALICE, PASSWORDS[ALICE])), 235, "2.7.0")

    def test_implicit_tls(self):
        smtp = smtplib.SMTP_SSL(
            "127.0.0.1", self.service.submissions_port, local_hostname="client.example.test",
            context=insecure_context(), timeout=30,
        )
        self.addCleanup(smtp.close)
        smtp.ehlo()
        self.assertFalse(smtp.has_extn("starttls"))
        self.assertEqual(sorted(smtp.esmtp_features.get("auth", "").split()), ["LOGIN", "PLAIN"])
        smtp.login(ALICE, PASSWORDS[ALICE])
        stored, fields = self.send_and_check(smtp, ALICE, ALICE)
        self.assertIn("with ESMTPSA", pwharness.field_value(fields[1]))
        self.verify_signatures(stored)

    def test_send_as_alias(self):
        # An exact alias that leads to the user alone is one of the user's addresses; one that
        # leads to others too is not.
        self.service.ctl("alias", "add", "sales@" + DOMAIN, ALICE)
        self.service.ctl("alias", "add", "team@" + DOMAIN, ALICE, BOB)
        client = self.raw_authenticated(ALICE)
        self.assertReply(client.command("MAIL FROM:<team@%s>" % DOMAIN), 553, "5.7.1")
        before = len(self.service.stored_messages(BOB))
        self.assertReply(client.command("MAIL FROM:<sales@%s>" % DOMAIN), 250, "2.1.0")
        self.assertReply(client.command("RCPT TO:<%s>" % BOB), 250, "2.1.5")
        self.assertReply(client.command("DATA"), 354)
        message = make_message("sales@" + DOMAIN, BOB)
        client.send(pwharness.data_bytes(message))
        self.assertReply(client.reply(), 250, "2.0.0")
        stored = self.service.stored_messages(BOB)
        self.assertEqual(len(stored), before + 1)
        added_fields(stored[-1], message)
        self.verify_signatures(stored[-1])

    def test_date_and_message_id_added(self):
        smtp = self.starttls_client()
        smtp.login(ALICE, PASSWORDS[ALICE])
        message = b"From: <%s>\r\nTo: <%s>\r\nSubject: bare\r\n\r\nno Date, no Message-ID\r\n" % (
            ALICE.encode(), BOB.encode())
        before = len(self.service.stored_messages(BOB))
        self.assertEqual(smtp.sendmail(ALICE, [BOB], message), {})
        stored = self.service.stored_messages(BOB)
        self.assertEqual(len(stored), before + 1)
        names = [n for n, _ in added_fields(stored[-1], message)]
        self.assertEqual(names, ["Return-Path", "Received", "DKIM-Signature", "DKIM-Signature", "Date", "Message-ID"])
        self.verify_signatures(stored[-1])

    # --- refusals -----------------------------------------------------------------------------

    def test_auth_before_starttls(self):
        client = RawSmtp(self.service.submission_port)
        self.addCleanup(client.close)
        self.assertReply(client.reply(), 220)
        reply = client.command("EHLO client.example.test")
        self.assertReply(reply, 250)
        self.assertNotIn("AUTH PLAIN LOGIN", reply.lines)
        self.assertReply(client.command("AUTH PLAIN " + plain(ALICE, PASSWORDS[ALICE])), 538, "5.7.11")
        self.assertReply(client.command("AUTH LOGIN"), 538, "5.7.11")
        self.assertReply(client.command("MAIL FROM:<%s>" % ALICE), 530, "5.7.0")

    def test_starttls_discards_pipelined_plaintext(self):
        # RFC 3207 4.2 / CVE-2011-0411: commands sent together with STARTTLS are not run.
        client = RawSmtp(self.service.submission_port)
        self.addCleanup(client.close)
        self.assertReply(client.reply(), 220)
        self.assertReply(client.command("EHLO client.example.test"), 250)
        client.send(b"STARTTLS\r\nNOOP\r\n")
        self.assertReply(client.reply(), 220, "2.0.0")
        client.sock = insecure_context().wrap_socket(client.sock, server_hostname=pwharness.HOSTNAME)
        client.buffer = b""
        # The first reply over TLS is to this command, not to the NOOP sent in plain text.
        self.assertReply(client.command("MAIL FROM:<%s>" % ALICE), 503, "5.5.1")

    def test_mail_before_auth(self):
        client = self.raw_tls()
        self.assertReply(client.command("MAIL FROM:<%s>" % ALICE), 530, "5.7.0")
        self.assertReply(client.command("RCPT TO:<%s>" % BOB), 503, "5.5.1")

    def test_mail_from_someone_else(self):
        client = self.raw_authenticated(ALICE)
        self.assertReply(client.command("MAIL FROM:<%s>" % BOB), 553, "5.7.1")
        self.assertReply(client.command("MAIL FROM:<alice@elsewhere.example>"), 553, "5.7.1")
        self.assertReply(client.command("MAIL FROM:<>"), 553, "5.7.1")
        self.assertReply(client.command("MAIL FROM:<ALICE@Example.Test>"), 250, "2.1.0")

    def test_from_header_someone_else(self):
        before = len(self.service.stored_messages(BOB))
        client = self.raw_authenticated(ALICE)
        self.assertReply(client.command("MAIL FROM:<%s>" % ALICE), 250, "2.1.0")
        self.assertReply(client.command("RCPT TO:<%s>" % BOB), 250, "2.1.5")
        self.assertReply(client.command("DATA"), 354)
        client.send(pwharness.data_bytes(make_message(BOB, BOB)))
        self.assertReply(client.reply(), 550, "5.7.1")
        # Two addresses in From, one of them ours, is no better.
        self.assertReply(client.command("MAIL FROM:<%s>" % ALICE), 250, "2.1.0")
        self.assertReply(client.command("RCPT TO:<%s>" % BOB), 250, "2.1.5")
        self.assertReply(client.command("DATA"), 354)
        message = make_message(ALICE, BOB).replace(
            b"From: Sender <%s>" % ALICE.encode(), b"From: <%s>, <%s>" % (ALICE.encode(), BOB.encode())
        )
        client.send(pwharness.data_bytes(message))
        self.assertReply(client.reply(), 550, "5.7.1")
        self.assertEqual(len(self.service.stored_messages(BOB)), before)

    def test_remote_recipient_refused(self):
        client = self.raw_authenticated(ALICE)
        self.assertReply(client.command("MAIL FROM:<%s>" % ALICE), 250, "2.1.0")
        self.assertReply(client.command("RCPT TO:<someone@remote.example>"), 550, "5.7.1")

    def test_wrong_passwords_then_lockout(self):
        client = self.raw_tls()
        for attempt in range(3):
            self.assertReply(
                client.command("AUTH PLAIN " + plain(CAROL, "wrong %d" % attempt)), 535, "5.7.8",
                "wrong password %d" % (attempt + 1),
            )
        # The limit (3) is reached: locked out, even with the right password.
        self.assertReply(client.command("AUTH PLAIN " + plain(CAROL, PASSWORDS[CAROL])), 454, "4.7.0")
        other = self.raw_tls()
        self.assertReply(other.command("AUTH PLAIN " + plain(CAROL, PASSWORDS[CAROL])), 454, "4.7.0")
        other.close()
        # Other accounts from the same address are not locked.
        self.assertReply(client.command("AUTH PLAIN " + plain(DAVE, PASSWORDS[DAVE])), 235, "2.7.0")

    def test_unknown_account(self):
        client = self.raw_tls()
        self.assertReply(client.command("AUTH PLAIN " + plain("nobody@example.test", "x")), 535, "5.7.8")
        self.assertReply(client.command("AUTH PLAIN " + plain(ALICE, PASSWORDS[ALICE])), 235, "2.7.0")

    # --- swaks ----------------------------------------------------------------------------------

    def swaks(self, port, *extra):
        before = len(self.service.stored_messages(BOB))
        result = pwharness.run(
            ["swaks", "--server", "127.0.0.1", "--port", str(port), "--helo", "client.example.test",
             "--from", ALICE, "--to", BOB, "--auth-user", ALICE, "--auth-password", PASSWORDS[ALICE],
             "--timeout", "30"] + list(extra)
        )
        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertIn("<~  235 2.7.0", result.stdout)
        self.assertRegex(result.stdout, r"<~  250 2\.0\.0 ")
        messages = self.service.stored_messages(BOB)
        self.assertEqual(len(messages), before + 1)
        self.assertIn(b"with ESMTPSA id", messages[-1])
        self.verify_signatures(messages[-1])

    def test_swaks_starttls_auth_plain(self):
        self.swaks(self.service.submission_port, "--tls", "--auth", "PLAIN")

    def test_swaks_implicit_tls_auth_login(self):
        self.swaks(self.service.submissions_port, "--tlsc", "--auth", "LOGIN")


class SubmissionAddressLockoutTest(ServiceTestCase):
    CONFIG = {"smtp": {"auth_failures_per_ip": "4", "auth_failures_per_account": "100"}}

    @classmethod
    def prepare(cls):
        cls.service.add_domain(DOMAIN)
        cls.service.add_mailbox(ALICE, PASSWORDS[ALICE])

    def test_failures_from_one_address_lock_it_out(self):
        client = raw_tls(self)
        # A spray over several account names counts against the client's address.
        for n in range(4):
            self.assertReply(client.command("AUTH PLAIN " + plain("user%d@example.test" % n, "guess")), 535, "5.7.8")
        # Refused at once, before any SASL exchange, even for a real account and password.
        self.assertReply(client.command("AUTH PLAIN " + plain(ALICE, PASSWORDS[ALICE])), 454, "4.7.0")
        self.assertReply(client.command("AUTH LOGIN"), 454, "4.7.0")


if __name__ == "__main__":
    unittest.main(verbosity=2)
