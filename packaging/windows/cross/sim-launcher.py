#!/usr/bin/env python3
"""The Linux side of simshim.c (atlas-sim.exe under Wine): starts the real atlas-sim for each
connection with the arguments it sends, relays its output, closes its standard input or stops it
when told, and stops it when the connection drops. Usage: sim-launcher.py ATLAS_SIM; it prints
"sim-launcher listening on PORT" and serves 127.0.0.1 until killed. Windows paths among the arguments
(a test's seed or state file, C:\\...) become the Linux paths Wine keeps them at ($WINEPREFIX)."""
import os
import re
import socket
import struct
import subprocess
import sys
import threading

SIM = sys.argv[1]
# An argument that is a Windows path, or an option whose value is one (--data=C:/...).
WINDOWS_PATH = re.compile(r'^(--[^=]+=)?([A-Za-z]):[\\/](.*)$')


def linux_path(arg):
    match = WINDOWS_PATH.match(arg)
    if not match:
        return arg
    option, drive, rest = match.group(1) or '', match.group(2).lower(), match.group(3)
    # dosdevices/<drive>: links to the folder Wine keeps that drive in (z: is /).
    return option + os.path.join(os.environ['WINEPREFIX'], 'dosdevices', drive + ':',
                                 rest.replace('\\', '/'))


def serve(conn):
    reader = conn.makefile('rb')
    try:
        count = int(reader.readline())
        args = [linux_path(reader.readline().rstrip(b'\n').decode()) for _ in range(count)]
    except (ValueError, OSError):
        conn.close()
        return
    proc = subprocess.Popen([SIM] + args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    lock = threading.Lock()

    def send(kind, data):
        try:
            with lock:
                conn.sendall(kind + struct.pack('>I', len(data)) + data)
        except OSError:
            pass

    def pump(stream, kind):
        for chunk in iter(lambda: stream.read1(65536), b''):
            send(kind, chunk)

    def control():
        while True:
            try:
                byte = reader.read(1)
            except OSError:
                byte = b''
            if byte == b'c':
                try:
                    proc.stdin.close()
                except OSError:
                    pass
            elif byte in (b't', b''):
                if proc.poll() is None:
                    proc.terminate()
                if byte == b'':
                    return

    pumps = [threading.Thread(target=pump, args=(proc.stdout, b'o'), daemon=True),
             threading.Thread(target=pump, args=(proc.stderr, b'e'), daemon=True)]
    for thread in pumps:
        thread.start()
    threading.Thread(target=control, daemon=True).start()
    code = proc.wait()
    for thread in pumps:
        thread.join()
    # A signal's negative code becomes Windows' usual 1.
    send(b'x', struct.pack('>i', code if code >= 0 else 1))
    try:
        conn.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    conn.close()


def main():
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(('127.0.0.1', 0))
    server.listen(64)
    print(f'sim-launcher listening on {server.getsockname()[1]}', flush=True)
    while True:
        conn, _ = server.accept()
        threading.Thread(target=serve, args=(conn,), daemon=True).start()


if __name__ == '__main__':
    main()
