#!/usr/bin/python3
"""SPF, DKIM and DMARC on inbound mail, against sender domains published in the loopback
DNS server's zone: our own domain claimed without SPF pass, DMARC reject and quarantine, a
message DKIM-signed here with python3-dkim, and the Authentication-Results field."""

import base64
import os
import subprocess
import sys
import tempfile
import unittest

import dkim

# python3 -I does not put the script's directory on sys.path.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pwharness  # noqa: E402
from pwharness import RawSmtp, ServiceTestCase, added_fields, make_message  # noqa: E402

DOMAIN = "example.test"  # ours; its SPF does not list 127.0.0.1
SPF_OK_DOMAIN = "spf-ok.test"  # ours; its SPF lists 127.0.0.1
ALICE = "alice@example.test"
SELECTOR = "tst2026"


def rsa_key():
    """(private key PEM, public key base64 for p=) made with the openssl command."""
    with tempfile.TemporaryDirectory() as directory:
        private = os.path.join(directory, "key.pem")
        subprocess.run(
            ["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", private],
            check=True, capture_output=True, timeout=60,
        )
        der = subprocess.run(
            ["openssl", "pkey", "-in", private, "-pubout", "-outform", "DER"],
            check=True, capture_output=True, timeout=60,
        ).stdout
        with open(private, "rb") as f:
            return f.read(), base64.b64encode(der).decode()


def txt(text):
    """A TXT rdata in zone syntax, cut into strings of at most 255 bytes."""
    return " ".join('"%s"' % text[i : i + 200] for i in range(0, len(text), 200))


class InboundAuthTest(ServiceTestCase):
    @classmethod
    def setUpClass(cls):
        cls.private_key, public = rsa_key()
        cls.ZONE = "\n".join(
            [
                "%s TXT \"v=spf1 ip4:192.0.2.10 -all\"" % DOMAIN,
                "%s TXT \"v=spf1 ip4:127.0.0.1 -all\"" % SPF_OK_DOMAIN,
                # DMARC reject, SPF fails for 127.0.0.1, no DKIM.
                "reject.example TXT \"v=spf1 ip4:192.0.2.1 -all\"",
                "_dmarc.reject.example TXT \"v=DMARC1; p=reject\"",
                # DMARC quarantine, the same otherwise.
                "quarantine.example TXT \"v=spf1 ip4:192.0.2.1 -all\"",
                "_dmarc.quarantine.example TXT \"v=DMARC1; p=quarantine\"",
                # SPF fails but the test's DKIM signature aligns: DMARC passes.
                "signed.example TXT \"v=spf1 -all\"",
                "_dmarc.signed.example TXT \"v=DMARC1; p=reject\"",
                "%s._domainkey.signed.example TXT %s" % (SELECTOR, txt("v=DKIM1; k=rsa; p=" + public)),
                # SPF passes for 127.0.0.1.
                "spf-pass.example TXT \"v=spf1 ip4:127.0.0.0/8 -all\"",
                "",
            ]
        )
        super().setUpClass()

    @classmethod
    def prepare(cls):
        cls.service.add_domain(DOMAIN)
        cls.service.add_domain(SPF_OK_DOMAIN)
        cls.service.add_mailbox(ALICE)

    def session(self):
        return self.smtp_session()

    def send(self, sender, message, expect=(250, "2.0.0")):
        client = self.session()
        self.assertReply(client.command("MAIL FROM:<%s>" % sender), 250, "2.1.0")
        self.assertReply(client.command("RCPT TO:<%s>" % ALICE), 250, "2.1.5")
        self.assertReply(client.command("DATA"), 354)
        client.send(pwharness.data_bytes(message))
        self.assertReply(client.reply(), *expect)

    def stored_after(self, folder, before, message):
        messages = self.service.stored(ALICE, folder)
        self.assertEqual(len(messages), before + 1, "one new message in %s" % folder)
        data, flags, _, _ = messages[-1]
        fields = added_fields(data, message)
        self.assertEqual([n for n, _ in fields], ["Return-Path", "Authentication-Results", "Received"])
        return pwharness.field_value(fields[1]), flags

    # --- our own domain as sender -------------------------------------------------------------

    def test_our_domain_without_spf_pass_refused(self):
        client = self.session()
        self.assertReply(client.command("MAIL FROM:<ceo@%s>" % DOMAIN), 550, "5.7.1")
        # Refused as a sender, and the session goes on.
        self.assertReply(client.command("RCPT TO:<%s>" % ALICE), 503, "5.5.1")
        self.assertReply(client.command("MAIL FROM:<someone@spf-pass.example>"), 250, "2.1.0")

    def test_our_domain_with_spf_pass_accepted(self):
        before = len(self.service.stored(ALICE))
        message = make_message("boss@" + SPF_OK_DOMAIN, ALICE)
        self.send("boss@" + SPF_OK_DOMAIN, message)
        results, _ = self.stored_after("INBOX", before, message)
        self.assertIn("spf=pass smtp.mailfrom=boss@%s" % SPF_OK_DOMAIN, results)

    # --- DMARC ----------------------------------------------------------------------------------

    def test_dmarc_reject(self):
        before = len(self.service.stored(ALICE)) + len(self.service.stored(ALICE, "Junk"))
        self.send("news@reject.example", make_message("news@reject.example", ALICE), expect=(550, "5.7.1"))
        after = len(self.service.stored(ALICE)) + len(self.service.stored(ALICE, "Junk"))
        self.assertEqual(after, before)

    def test_dmarc_quarantine(self):
        before_inbox = len(self.service.stored(ALICE))
        before_junk = len(self.service.stored(ALICE, "Junk"))
        message = make_message("news@quarantine.example", ALICE)
        self.send("news@quarantine.example", message)
        results, flags = self.stored_after("Junk", before_junk, message)
        self.assertIn("$Junk", flags.split())
        self.assertIn("spf=fail smtp.mailfrom=news@quarantine.example", results)
        self.assertIn("dmarc=fail", results)
        self.assertIn("header.from=quarantine.example", results)
        self.assertEqual(len(self.service.stored(ALICE)), before_inbox)

    def test_dkim_signed_message_passes(self):
        before = len(self.service.stored(ALICE))
        unsigned = make_message("news@signed.example", ALICE)
        signature = dkim.sign(
            unsigned, SELECTOR.encode(), b"signed.example", self.private_key,
            include_headers=[b"from", b"to", b"subject", b"date", b"message-id"],
        )
        self.assertTrue(signature.startswith(b"DKIM-Signature:"))
        # dkim.sign folds with bare LF; on the wire every line ends in CRLF.
        signature = signature.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        message = signature + unsigned
        self.send("bounce@signed.example", message)
        results, _ = self.stored_after("INBOX", before, message)
        self.assertIn("spf=fail smtp.mailfrom=bounce@signed.example", results)
        self.assertIn("dkim=pass header.d=signed.example header.s=%s" % SELECTOR, results)
        self.assertIn("dmarc=pass", results)
        self.assertIn("header.from=signed.example", results)

    def test_broken_dkim_signature(self):
        # The signed body changed on the way: dkim=fail, and DMARC p=reject refuses it.
        unsigned = make_message("news@signed.example", ALICE, body=b"original body\r\n")
        signature = dkim.sign(unsigned, SELECTOR.encode(), b"signed.example", self.private_key,
                              include_headers=[b"from", b"subject"])
        signature = signature.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        tampered = signature + unsigned.replace(b"original body", b"changed body!")
        self.send("bounce@signed.example", tampered, expect=(550, "5.7.1"))

    def test_forged_authentication_results_removed(self):
        # RFC 8601 5: fields that claim to come from us, put there by the sender, must go.
        before = len(self.service.stored(ALICE))
        forged = b"Authentication-Results: %s; dkim=pass header.d=bank.example\r\n" % pwharness.HOSTNAME.encode()
        message = make_message("news@spf-pass.example", ALICE, extra_headers=forged)
        self.send("news@spf-pass.example", message)
        stored = self.service.stored_messages(ALICE)
        self.assertEqual(len(stored), before + 1)
        self.assertNotIn(b"header.d=bank.example", stored[-1])
        self.assertEqual(stored[-1].count(b"Authentication-Results: %s" % pwharness.HOSTNAME.encode()), 1)


if __name__ == "__main__":
    unittest.main(verbosity=2)
