#!/usr/bin/python3
"""Recipient routing on the MX, set up with postwardenctl: aliases (one and several targets,
wildcards), catch-all, subaddresses, disabled mailboxes, postmaster@ and abuse@, and quota
with its 80 % and 95 % notices."""

import json
import os
import smtplib
import sys
import unittest

# python3 -I does not put the script's directory on sys.path.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pwharness  # noqa: E402
from pwharness import RawSmtp, ServiceTestCase, added_fields, make_message  # noqa: E402

DOMAIN = "example.test"
OTHER = "other.test"
ALICE = "alice@example.test"  # the oldest mailbox of example.test: postmaster@ and abuse@ by default
BOB = "bob@example.test"
CAROL = "carol@example.test"
EVE = "eve@example.test"
DAN = "dan@other.test"
FRANK = "frank@other.test"
QUOTA = "quota@example.test"
SENDER = "sender@sender.example"
QUOTA_BYTES = 40000
EXPECTED_ADDED = ["Return-Path", "Authentication-Results", "Received"]


class RoutingTest(ServiceTestCase):
    @classmethod
    def prepare(cls):
        service = cls.service
        service.add_domain(DOMAIN)
        service.add_domain(OTHER)
        for address in (ALICE, BOB, CAROL, EVE, QUOTA, DAN, FRANK):
            service.add_mailbox(address)
        service.ctl("alias", "add", "sales@" + DOMAIN, ALICE)
        service.ctl("alias", "add", "team@" + DOMAIN, ALICE, BOB)
        service.ctl("alias", "add", "dev-*@" + DOMAIN, CAROL)
        service.ctl("catchall", "set", OTHER, DAN)
        service.ctl("mailbox", "disable", EVE)
        service.ctl("mailbox", "disable", FRANK)

    def session(self):
        return self.smtp_session()

    def deliver(self, recipients, message=None, expect=(250, "2.0.0")):
        """One transaction over a raw socket (no SIZE), every RCPT expected to be accepted."""
        message = message or make_message(SENDER, recipients[0])
        client = self.session()
        self.assertReply(client.command("MAIL FROM:<%s>" % SENDER), 250, "2.1.0")
        for recipient in recipients:
            self.assertReply(client.command("RCPT TO:<%s>" % recipient), 250, "2.1.5", recipient)
        self.assertReply(client.command("DATA"), 354)
        client.send(pwharness.data_bytes(message))
        self.assertReply(client.reply(), *expect)
        self.assertReply(client.command("QUIT"), 221, "2.0.0")
        return message

    def rcpt_reply(self, recipient):
        client = self.session()
        self.assertReply(client.command("MAIL FROM:<%s>" % SENDER), 250, "2.1.0")
        return client.command("RCPT TO:<%s>" % recipient)

    def assert_delivered_to(self, mailbox, message, before):
        messages = self.service.stored_messages(mailbox)
        self.assertEqual(len(messages), before + 1, "one new message for %s" % mailbox)
        self.assertEqual([n for n, _ in added_fields(messages[-1], message)], EXPECTED_ADDED)

    def count(self, mailbox, folder="INBOX"):
        return len(self.service.stored_messages(mailbox, folder))

    # --- aliases -------------------------------------------------------------------------------

    def test_alias(self):
        before = self.count(ALICE)
        message = self.deliver(["sales@" + DOMAIN])
        self.assert_delivered_to(ALICE, message, before)

    def test_alias_with_two_targets(self):
        before_alice, before_bob = self.count(ALICE), self.count(BOB)
        message = self.deliver(["team@" + DOMAIN])
        self.assert_delivered_to(ALICE, message, before_alice)
        self.assert_delivered_to(BOB, message, before_bob)
        alice_row = self.service.stored(ALICE)[-1]
        bob_row = self.service.stored(BOB)[-1]
        self.assertEqual(alice_row[2], bob_row[2], "one stored file for both mailboxes")
        self.assertEqual(alice_row[3], 2, "message_files.refs counts both rows")
        rows = self.service.query("SELECT COUNT(*) FROM messages WHERE file_id = ?", alice_row[2])
        self.assertEqual(rows[0][0], 2)

    def test_alias_and_its_target_in_one_transaction(self):
        # sales@ leads to alice, who is also named: she gets one copy.
        before = self.count(ALICE)
        message = self.deliver(["sales@" + DOMAIN, ALICE])
        self.assert_delivered_to(ALICE, message, before)

    def test_wildcard_alias(self):
        before = self.count(CAROL)
        message = self.deliver(["dev-anything-at-all@" + DOMAIN])
        self.assert_delivered_to(CAROL, message, before)
        self.assertReply(self.rcpt_reply("devanything@" + DOMAIN), 550, "5.1.1")

    def test_subaddress(self):
        before = self.count(BOB)
        message = self.deliver(["bob+newsletters@" + DOMAIN])
        self.assert_delivered_to(BOB, message, before)
        self.assertIn(b"for <bob+newsletters@example.test>", self.service.stored_messages(BOB)[-1])
        self.assertReply(self.rcpt_reply("nobody+tag@" + DOMAIN), 550, "5.1.1")

    def test_unknown_user(self):
        self.assertReply(self.rcpt_reply("nobody@" + DOMAIN), 550, "5.1.1")

    # --- catch-all and disabled mailboxes ---------------------------------------------------------

    def test_disabled_mailbox_without_catchall(self):
        self.assertReply(self.rcpt_reply(EVE), 550, "5.2.1")

    def test_disabled_mailbox_taken_by_catchall(self):
        before_dan, before_frank = self.count(DAN), self.count(FRANK)
        message = self.deliver([FRANK])
        self.assert_delivered_to(DAN, message, before_dan)
        self.assertEqual(self.count(FRANK), before_frank)

    def test_catchall(self):
        before = self.count(DAN)
        message = self.deliver(["whoever@" + OTHER])
        self.assert_delivered_to(DAN, message, before)

    def test_catchall_clear_and_enable(self):
        self.service.add_domain("third.test")
        self.service.add_mailbox("gina@third.test")
        self.service.ctl("catchall", "set", "third.test", "gina@third.test")
        self.assertReply(self.rcpt_reply("anyone@third.test"), 250, "2.1.5")
        self.service.ctl("catchall", "clear", "third.test")
        self.assertReply(self.rcpt_reply("anyone@third.test"), 550, "5.1.1")
        self.service.add_mailbox("hank@third.test")
        self.service.ctl("mailbox", "disable", "hank@third.test")
        self.assertReply(self.rcpt_reply("hank@third.test"), 550, "5.2.1")
        self.service.ctl("mailbox", "enable", "hank@third.test")
        self.assertReply(self.rcpt_reply("hank@third.test"), 250, "2.1.5")

    # --- postmaster@ and abuse@ --------------------------------------------------------------------

    def test_postmaster_and_abuse(self):
        for local in ("postmaster", "abuse", "PostMaster"):
            with self.subTest(local=local):
                before = self.count(ALICE)
                message = self.deliver(["%s@%s" % (local, DOMAIN)])
                self.assert_delivered_to(ALICE, message, before)

    def test_postmaster_set(self):
        self.service.add_domain("fourth.test")
        self.service.add_mailbox("first@fourth.test")
        self.service.add_mailbox("second@fourth.test")
        self.service.ctl("postmaster", "set", "fourth.test", "second@fourth.test")
        before_first, before_second = self.count("first@fourth.test"), self.count("second@fourth.test")
        message = self.deliver(["abuse@fourth.test"])
        self.assert_delivered_to("second@fourth.test", message, before_second)
        self.assertEqual(self.count("first@fourth.test"), before_first)

    def test_bare_postmaster(self):
        # RFC 5321 4.1.1.3: <Postmaster> without a domain must be accepted.
        self.assertReply(self.rcpt_reply("Postmaster"), 250, "2.1.5")

    # --- quota ------------------------------------------------------------------------------------

    def test_quota(self):
        service = self.service
        service.ctl("mailbox", "quota", QUOTA, str(QUOTA_BYTES))
        self.assertEqual(service.mailbox_row(QUOTA)[0], QUOTA_BYTES)
        marker = b"X-Test-Marker: quota"

        def sized(stored_size, overhead):
            # overhead is what the service adds; the message's own header counts as well.
            own_header = len(make_message(SENDER, QUOTA, body=b"", extra_headers=marker + b"\r\n"))
            filler = max(0, stored_size - overhead - own_header)
            body = b""
            while len(body) + 80 <= filler:
                body += b"q" * 78 + b"\r\n"
            body += b"r" * max(0, filler - len(body) - 2) + b"\r\n"
            return make_message(SENDER, QUOTA, body=body, extra_headers=marker + b"\r\n")

        def used():
            return service.mailbox_row(QUOTA)[1]

        def notices():
            return [m for m in service.stored_messages(QUOTA) if marker not in m]

        # The first message tells how much the service adds and what counts as used.
        first = make_message(SENDER, QUOTA, body=b"first\r\n", extra_headers=marker + b"\r\n")
        self.deliver([QUOTA], first)
        stored_first = service.stored_messages(QUOTA)[-1]
        self.assertEqual(used(), len(stored_first), "used_bytes counts the stored copy")
        overhead = len(stored_first) - len(make_message(SENDER, QUOTA, body=b"", extra_headers=marker + b"\r\n"))

        step = 2500
        for _ in range(40):
            room = QUOTA_BYTES - used()
            if room >= 2 * step:
                target = step
            elif used() < 0.95 * QUOTA_BYTES:
                target = int(0.97 * QUOTA_BYTES) - used()  # lands between 95 % and 100 %
            else:
                break
            self.deliver([QUOTA], sized(target, overhead))
            percent = 100.0 * used() / QUOTA_BYTES
            expected = (1 if percent >= 80 else 0) + (1 if percent >= 95 else 0)
            self.assertEqual(len(notices()), expected, "quota notices at %.1f %%" % percent)
        else:
            self.fail("the quota never filled")
        self.assertGreaterEqual(used(), 0.95 * QUOTA_BYTES)
        full_at = used()

        # Over quota at the end of DATA (no SIZE given, so RCPT cannot tell).
        self.deliver([QUOTA], sized(step, overhead), expect=(552, "5.2.2"))
        # Over quota at RCPT when SIZE tells.
        with smtplib.SMTP("127.0.0.1", service.smtp_port, local_hostname="client.example.test", timeout=30) as smtp:
            with self.assertRaises(smtplib.SMTPRecipientsRefused) as refused:
                smtp.sendmail(SENDER, [QUOTA], sized(step, overhead))
            self.assertReply(refused.exception.recipients[QUOTA], 552, "5.2.2")
        self.assertEqual(used(), full_at)

        # A message that still fits is taken, and no notice comes twice.
        room = QUOTA_BYTES - used()
        if room > overhead + 400:
            self.deliver([QUOTA], sized(overhead + 200, overhead))
        found = notices()
        self.assertEqual(len(found), 2, "one 80 % and one 95 % notice")
        for notice, percent in zip(found, (b"80 %", b"95 %")):
            self.assertIn(b"\r\nAuto-Submitted: auto-generated\r\n", notice)
            self.assertIn(percent, notice.split(b"\r\n\r\n", 1)[0], "the subject names the level")
        self.assertEqual(service.mailbox_row(QUOTA)[2], 95, "mailboxes.quota_notice")
        # And each crossing is an event in the log.
        records = [json.loads(line) for line in service.ctl("--json", "logs", "-n", "1000").stdout.splitlines()]
        crossed = [
            r["fields"].get("percent") for r in records
            if r.get("fields", {}).get("mailbox") == QUOTA and "percent" in r.get("fields", {})
        ]
        self.assertEqual(crossed, [80, 95])

    def test_quota_partial_delivery(self):
        # One full mailbox among two recipients: the other still gets the message.
        service = self.service
        service.add_mailbox("tiny@example.test")
        service.ctl("mailbox", "quota", "tiny@example.test", "1024")
        before = self.count(CAROL)
        message = make_message(SENDER, CAROL, body=b"z" * 1500 + b"\r\n")
        self.deliver([CAROL, "tiny@example.test"], message)
        self.assert_delivered_to(CAROL, message, before)
        self.assertEqual([m for m in service.stored_messages("tiny@example.test") if b"zzzz" in m], [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
