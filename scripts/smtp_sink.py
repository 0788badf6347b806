#!/usr/bin/python3
"""A throwaway SMTP server for tests, built on Debian's aiosmtpd.

Every message it accepts is stored as one file in --dir, written under a
temporary name and renamed into place (readers never see half a file):
    <nanoseconds>-<n>.eml
The stored file is the message as received, after four header lines that
record how it arrived:
    X-Sink-Mail-From: <envelope sender>
    X-Sink-Rcpt-To: <envelope recipients, comma-separated>
    X-Sink-TLS: yes | no
    X-Sink-Auth: <login name> | none

Options:
    --dir DIR              where to store messages (created if missing)
    --host HOST            default 127.0.0.1
    --port PORT            default 0: a free port
    --starttls CERT KEY    offer STARTTLS and require it before MAIL
    --smtps CERT KEY       implicit TLS from the first byte (port 465 style)
    --auth USER:PASSWORD   require AUTH (PLAIN or LOGIN) with this login

Once listening it prints "listening PORT" on one line of standard output, so
a test waits for that line rather than sleeping. SIGTERM or SIGINT stops it.

For testing failures, recipients whose local part starts with "refuse" are
refused for good (550) and those starting with "later" are deferred (451).

Run it with /usr/bin/python3 (Debian's python3-aiosmtpd).
"""
import argparse
import asyncio
import os
import signal
import ssl
import sys
import time

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class MaildirSink:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0].lower()
        if local.startswith("refuse"):
            return "550 5.1.1 No such mailbox here"
        if local.startswith("later"):
            return "451 4.3.0 Please try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        tls = server.transport.get_extra_info("ssl_object") is not None
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else "none"
        head = (
            f"X-Sink-Mail-From: {envelope.mail_from}\r\n"
            f"X-Sink-Rcpt-To: {', '.join(envelope.rcpt_tos)}\r\n"
            f"X-Sink-TLS: {'yes' if tls else 'no'}\r\n"
            f"X-Sink-Auth: {login}\r\n"
        ).encode()
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode()
        self.count += 1
        name = f"{time.time_ns()}-{self.count:06d}.eml"
        temp = os.path.join(self.folder, "." + name + ".tmp")
        with open(temp, "wb") as f:
            f.write(head + content)
            f.flush()
            os.fsync(f.fileno())
        os.rename(temp, os.path.join(self.folder, name))
        return "250 Message accepted"


def tls_context(cert, key):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


async def serve(args):
    loop = asyncio.get_running_loop()
    os.makedirs(args.dir, exist_ok=True)
    handler = MaildirSink(args.dir)
    starttls = tls_context(*args.starttls) if args.starttls else None
    smtps = tls_context(*args.smtps) if args.smtps else None

    authenticator = None
    if args.auth:
        user, _, password = args.auth.partition(":")

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (
                isinstance(auth_data, LoginPassword)
                and auth_data.login == user.encode()
                and auth_data.password == password.encode()
            )
            # handled=False: aiosmtpd then answers a failure with 535 itself.
            return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    def factory():
        return SMTP(
            handler,
            hostname="sink.test",
            tls_context=starttls,
            require_starttls=starttls is not None,
            authenticator=authenticator,
            auth_required=authenticator is not None,
            # Over implicit TLS the connection is already encrypted.
            auth_require_tls=smtps is None,
            loop=loop,
        )

    server = await loop.create_server(factory, host=args.host, port=args.port, ssl=smtps)
    port = server.sockets[0].getsockname()[1]
    print(f"listening {port}", flush=True)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    server.close()
    await server.wait_closed()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dir", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--smtps", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--auth")
    args = parser.parse_args()
    if args.starttls and args.smtps:
        parser.error("choose --starttls or --smtps, not both")
    asyncio.run(serve(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
