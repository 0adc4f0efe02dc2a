#!/usr/bin/python3
"""postwardenctl test-message (the control method deliverability.test) against the real
postwardend and a loopback DNS server: a domain whose zone holds the records `postwardenctl
records` asks for gets SPF, DKIM and DMARC pass on its signed test message; a domain with a
wrong SPF record and no DKIM record gets SPF fail and DMARC fail; an address that is not ours
is refused."""

import json
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
# python3 -I does not put the script's directory on sys.path; the harness lives with the SMTP suites.
sys.path.insert(0, os.path.join(HERE, "..", "smtp"))

from pwharness import HOSTNAME, ServiceTestCase, zone_line  # noqa: E402

GOOD = "good.test"
BROKEN = "broken.test"
ALICE = "alice@good.test"
BOB = "bob@broken.test"
SERVER_IP = "192.0.2.25"
OTHER_IP = "198.51.100.7"


class DeliverabilityTest(ServiceTestCase):
    CONFIG = {"service": {"public_addresses": SERVER_IP}}

    @classmethod
    def prepare(cls):
        for domain in (GOOD, BROKEN):
            cls.service.add_domain(domain)
        cls.service.add_mailbox(ALICE, "alice's long password")
        cls.service.add_mailbox(BOB, "bob's long password")
        records = json.loads(cls.service.ctl("--json", "records", GOOD).stdout)["records"]
        cls.published = records
        lines = [zone_line(r) for r in records]
        lines += [
            "%s A %s" % (HOSTNAME, SERVER_IP),
            '%s TXT "v=spf1 ip4:%s -all"' % (BROKEN, OTHER_IP),
            '_dmarc.%s TXT "v=DMARC1; p=reject"' % BROKEN,
        ]
        cls.service.dns.set_zone("\n".join(lines) + "\n")

    def run_test_message(self, sender):
        result = self.service.ctl("--json", "test-message", "--from", sender)
        return json.loads(result.stdout)

    def test_good_zone_passes(self):
        kinds = {r["type"] for r in self.published}
        self.assertIn("TXT", kinds, self.published)
        self.assertTrue(any("._domainkey." in r["name"] for r in self.published), self.published)
        answer = self.run_test_message(ALICE)
        self.assertEqual(answer["spf"]["result"], "pass", answer)
        self.assertEqual(answer["spf"]["addresses"], [{"address": SERVER_IP, "result": "pass"}])
        self.assertTrue(answer["dkim"], answer)
        for signature in answer["dkim"]:
            self.assertEqual(signature["result"], "pass", answer)
            self.assertEqual(signature["domain"], GOOD)
            self.assertTrue(signature["selector"])
        self.assertEqual(answer["dmarc"]["result"], "pass", answer)
        message = answer["message"]
        self.assertTrue(message.startswith("DKIM-Signature:"), message[:200])
        for field in ("From: <%s>" % ALICE, "To: <%s>" % ALICE, "Date: ", "Subject: ", "MIME-Version: 1.0",
                      "Content-Type: text/plain"):
            self.assertIn(field, message)
        self.assertRegex(message, r"Message-ID: <[^@>]+@%s>" % HOSTNAME.replace(".", r"\."))
        results = answer["authentication_results"]
        self.assertTrue(results.startswith("Authentication-Results: %s;" % HOSTNAME), results)
        self.assertIn("spf=pass smtp.mailfrom=%s" % ALICE, results)
        self.assertIn("dkim=pass header.d=%s" % GOOD, results)
        self.assertIn("dmarc=pass", results)

        text = self.service.ctl("test-message", "--from", ALICE).stdout
        self.assertIn("SPF:   pass", text)
        self.assertIn("DKIM:  pass", text)
        self.assertIn("DMARC: pass", text)
        self.assertIn("Authentication-Results: %s;" % HOSTNAME, text)

    def test_wrong_spf_fails(self):
        answer = self.run_test_message(BOB)
        self.assertEqual(answer["spf"]["result"], "fail", answer)
        self.assertTrue(answer["spf"]["explanation"], answer)
        self.assertNotIn("pass", [s["result"] for s in answer["dkim"]], answer)
        self.assertEqual(answer["dmarc"]["result"], "fail", answer)
        self.assertEqual(answer["dmarc"]["policy"], "reject", answer)
        self.assertIn("spf=fail smtp.mailfrom=%s" % BOB, answer["authentication_results"])
        self.assertIn("dmarc=fail", answer["authentication_results"])

    def test_score_with_checks(self):
        answer = json.loads(
            self.service.ctl("--json", "test-message", "--from", ALICE, "--with-checks", timeout=180).stdout
        )
        self.assertEqual(answer["dkim"][0]["result"], "pass")
        score = answer["score"]
        self.assertTrue(0 <= score["score"] <= 10, score)
        ids = {c["id"] for c in answer["checks"]}
        self.assertTrue(any(i.startswith("ptr.") for i in ids), ids)
        lines = {d["id"] for d in score["deductions"]}
        self.assertFalse({"auth.spf", "auth.dkim", "auth.dmarc"} & lines, score)
        # No PTR record in the zone: reverse DNS costs points.
        self.assertTrue(any(i.startswith("ptr.") for i in lines), score)
        self.assertLessEqual(score["score"], 10 - 1.5)

    def test_only_our_addresses(self):
        for sender in ("someone@elsewhere.test", "nobody@good.test", "not an address"):
            result = self.service.ctl("test-message", "--from", sender, check=False)
            self.assertNotEqual(result.returncode, 0, sender)
            self.assertTrue(result.stderr.strip(), sender)
        usage = self.service.ctl("test-message", check=False)
        self.assertEqual(usage.returncode, 2)


if __name__ == "__main__":
    unittest.main(verbosity=2)
