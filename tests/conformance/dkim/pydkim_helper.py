#!/usr/bin/python3
"""Independent DKIM signer and verifier for Postwarden's interop tests: Debian's
python3-dkim (dkimpy), run with /usr/bin/python3. No real DNS is ever asked.

    pydkim_helper.py verify --keys FILE --message FILE
        FILE of keys: one "<name> <TXT rdata>" per line ('#' lines ignored);
        the DNS function hands dkimpy the rdata of the name it asks for.
        Prints one line per DKIM-Signature, top first: "<index> True" or
        "<index> False <reason>"; exits 0 when every signature verified, 1 if not.

    pydkim_helper.py sign --message FILE --key FILE --domain D --selector S
                          --algorithm rsa-sha256|ed25519-sha256
                          [--canonicalize HEADER/BODY] [--length]
        Key FILE: for rsa-sha256 a PEM private key, PKCS#8 ("PRIVATE KEY") or
        PKCS#1 ("RSA PRIVATE KEY"); for ed25519-sha256 the base64 32-byte seed.
        Writes the DKIM-Signature header field (CRLF line ends) to stdout.
"""

import argparse
import base64
import io
import logging
import re
import sys

import dkim


def read_der_length(data, pos):
    first = data[pos]
    pos += 1
    if first < 0x80:
        return first, pos
    count = first & 0x7F
    return int.from_bytes(data[pos : pos + count], "big"), pos + count


def read_tlv(data, pos, expected_tag):
    if data[pos] != expected_tag:
        raise ValueError("DER: expected tag 0x%02x at %d, found 0x%02x" % (expected_tag, pos, data[pos]))
    length, start = read_der_length(data, pos + 1)
    return start, start + length


def pkcs1_pem(pem):
    """dkimpy reads only PKCS#1 RSA keys; unwrap a PKCS#8 PrivateKeyInfo (RFC 5208)."""
    if b"BEGIN RSA PRIVATE KEY" in pem:
        return pem
    body = re.search(b"-----BEGIN PRIVATE KEY-----(.*?)-----END PRIVATE KEY-----", pem, re.DOTALL)
    if body is None:
        raise ValueError("no PEM private key found")
    der = base64.b64decode(b"".join(body.group(1).split()))
    start, _ = read_tlv(der, 0, 0x30)  # PrivateKeyInfo SEQUENCE
    _, pos = read_tlv(der, start, 0x02)  # version INTEGER
    _, pos = read_tlv(der, pos, 0x30)  # AlgorithmIdentifier SEQUENCE
    key_start, key_end = read_tlv(der, pos, 0x04)  # privateKey OCTET STRING
    encoded = base64.encodebytes(der[key_start:key_end])
    return b"-----BEGIN RSA PRIVATE KEY-----\n" + encoded + b"-----END RSA PRIVATE KEY-----\n"


def load_keys(path):
    keys = {}
    with open(path, "rb") as handle:
        for line in handle:
            line = line.strip()
            if not line or line.startswith(b"#"):
                continue
            name, rdata = line.split(None, 1)
            keys[name.rstrip(b".").lower()] = rdata
    return keys


def verify(args):
    keys = load_keys(args.keys)

    def dnsfunc(name, timeout=5):
        if isinstance(name, str):
            name = name.encode()
        return keys.get(name.rstrip(b".").lower())

    with open(args.message, "rb") as handle:
        message = handle.read()
    log = io.StringIO()
    logger = logging.getLogger("pydkim_helper")
    logger.addHandler(logging.StreamHandler(log))
    logger.setLevel(logging.DEBUG)
    checker = dkim.DKIM(message, logger=logger)
    count = sum(1 for name, _ in checker.headers if name.lower() == b"dkim-signature")
    if count == 0:
        print("no DKIM-Signature")
        return 1
    all_good = True
    for index in range(count):
        log.seek(0)
        log.truncate()
        try:
            good = checker.verify(idx=index, dnsfunc=dnsfunc)
            reason = "" if good else log.getvalue().strip().splitlines()[-1:] or ["no reason given"]
        except dkim.DKIMException as error:
            good = False
            reason = [str(error)]
        all_good = all_good and good
        print("%d %s%s" % (index, good, "" if good else " " + reason[0]))
    return 0 if all_good else 1


def sign(args):
    with open(args.message, "rb") as handle:
        message = handle.read()
    with open(args.key, "rb") as handle:
        key = handle.read()
    algorithm = args.algorithm.encode()
    if algorithm == b"rsa-sha256":
        key = pkcs1_pem(key)
    else:
        key = key.strip()
    header, body = args.canonicalize.split("/")
    field = dkim.sign(
        message,
        args.selector.encode(),
        args.domain.encode(),
        key,
        canonicalize=(header.encode(), body.encode()),
        signature_algorithm=algorithm,
        length=args.length,
    )
    sys.stdout.buffer.write(field)
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    v = commands.add_parser("verify")
    v.add_argument("--keys", required=True)
    v.add_argument("--message", required=True)
    s = commands.add_parser("sign")
    s.add_argument("--message", required=True)
    s.add_argument("--key", required=True)
    s.add_argument("--domain", required=True)
    s.add_argument("--selector", required=True)
    s.add_argument("--algorithm", required=True, choices=["rsa-sha256", "ed25519-sha256"])
    s.add_argument("--canonicalize", default="relaxed/simple")
    s.add_argument("--length", action="store_true")
    args = parser.parse_args()
    return verify(args) if args.command == "verify" else sign(args)


if __name__ == "__main__":
    sys.exit(main())
