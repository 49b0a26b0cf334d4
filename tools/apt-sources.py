#!/usr/bin/env python3
"""The deb-src lines `make deps` fetches BearSSL and cJSON with, derived from
the machine's own apt sources, so the mirror or proxy it uses is kept.

    tools/apt-sources.py [--binary] RELEASE [APT_ETC]

Reads APT_ETC/sources.list and APT_ETC/sources.list.d/*.list (one-line
format, `[options]` allowed) and APT_ETC/sources.list.d/*.sources (deb822
stanzas), APT_ETC defaulting to /etc/apt, in the order apt reads them. A
`deb` (or `deb-src`) source of component main whose suite is a Debian
release (its codename or an alias, bare or -updates/-backports) is Debian's
main archive; one whose suite is <release>-security or <release>/updates is
the security archive. Prints, for each distinct URI of each, one line

    deb-src [signed-by=...] URI RELEASE main              (main archive)
    deb-src [signed-by=...] URI RELEASE-security main     (security archive)

with RELEASE in place of the machine's own release (the pins are RELEASE's);
with --binary, also a `deb` line for each URI of the main archive (for
packages the build downloads without installing them: emsdk-local).
Exits 1 with a message on stderr saying what to add when either archive is
missing. Hosts come only from the files read: none is written here.
"""
import glob
import os
import re
import sys

# Debian's release codenames and suite aliases.
RELEASES = ('buzz rex bo hamm slink potato woody sarge etch lenny squeeze wheezy jessie '
            'stretch buster bullseye bookworm trixie forky duke sid '
            'oldoldstable oldstable stable testing unstable').split()


def debian_release_names(etc):
    """RELEASES plus this machine's own codename when it runs Debian."""
    names = set(RELEASES)
    fields = {}
    try:
        with open(os.path.join(etc, '..', 'os-release'), encoding='utf-8') as f:
            for line in f:
                key, _, value = line.strip().partition('=')
                fields[key] = value.strip('"')
    except OSError:
        pass
    if fields.get('ID') == 'debian' and fields.get('VERSION_CODENAME'):
        names.add(fields['VERSION_CODENAME'])
    return names


def one_line_entries(text):
    """(types, uris, suites, components, options) of each one-line entry."""
    for line in text.splitlines():
        line = line.split('#', 1)[0].strip()
        m = re.match(r'(deb|deb-src)\s+(?:\[([^\]]*)\]\s*)?(\S+)\s+(\S+)\s*(.*)$', line)
        if m is None:
            continue
        options = {}
        for opt in (m.group(2) or '').split():
            key, _, value = opt.partition('=')
            options[key.lower()] = value
        yield [m.group(1)], [m.group(3)], [m.group(4)], m.group(5).split(), options


def deb822_entries(text):
    """The same for each deb822 stanza (comments dropped, continuation
    lines joined); fields named case-insensitively."""
    stanzas, fields, key = [], {}, None
    for line in text.splitlines() + ['']:
        if line.startswith('#'):
            continue
        if not line.strip():
            if fields:
                stanzas.append(fields)
            fields, key = {}, None
        elif line[0] in ' \t' and key is not None:
            fields[key] += '\n' + line.strip()
        else:
            key, _, value = line.partition(':')
            key = key.strip().lower()
            fields[key] = value.strip()
    for f in stanzas:
        if f.get('enabled', 'yes').lower() == 'no':
            continue
        options = {}
        if f.get('signed-by') and '\n' not in f['signed-by']:
            options['signed-by'] = f['signed-by']          # a keyring path, not an inline key
        if f.get('trusted'):
            options['trusted'] = f['trusted']
        yield (f.get('types', '').split(), f.get('uris', '').split(),
               f.get('suites', '').split(), f.get('components', '').split(), options)


def source_files(etc):
    """The files apt reads, in apt's order: sources.list, then the parts."""
    parts = sorted(glob.glob(os.path.join(etc, 'sources.list.d', '*.list'))
                   + glob.glob(os.path.join(etc, 'sources.list.d', '*.sources')))
    return [p for p in [os.path.join(etc, 'sources.list')] + parts if os.path.isfile(p)]


def derive(etc, release, binary=False):
    """(lines, missing): the deb-src (and with `binary`, the main archive's
    deb) lines, and the archives not found."""
    names = '|'.join(map(re.escape, sorted(debian_release_names(etc))))
    main_re = re.compile(r'(%s)(-updates|-backports|-proposed-updates)?/?$' % names)
    security_re = re.compile(r'(%s)(-security|/updates)/?$' % names)
    found = {'main': [], 'security': []}
    for path in source_files(etc):
        with open(path, encoding='utf-8', errors='replace') as f:
            text = f.read()
        entries = deb822_entries(text) if path.endswith('.sources') else one_line_entries(text)
        for types, uris, suites, components, options in entries:
            if not {'deb', 'deb-src'} & set(types) or 'main' not in components:
                continue
            opts = ' '.join('%s=%s' % (k, options[k]) for k in ('signed-by', 'trusted') if k in options)
            for suite in suites:
                kind = ('security' if security_re.match(suite)
                        else 'main' if main_re.match(suite) else None)
                for uri in uris if kind else ():
                    if not uri.startswith('cdrom:') and (uri, opts) not in found[kind]:
                        found[kind].append((uri, opts))
    lines = ['deb-src %s%s %s%s main' % ('[%s] ' % opts if opts else '', uri, release,
                                         '-security' if kind == 'security' else '')
             for kind in ('main', 'security') for uri, opts in found[kind]]
    if binary:
        lines += ['deb %s%s %s main' % ('[%s] ' % opts if opts else '', uri, release)
                  for uri, opts in found['main']]
    return lines, [kind for kind in ('main', 'security') if not found[kind]]


def main(argv):
    binary = len(argv) > 1 and argv[1] == '--binary'
    args = argv[2:] if binary else argv[1:]
    if len(args) not in (1, 2):
        sys.stderr.write('usage: tools/apt-sources.py [--binary] RELEASE [APT_ETC]\n')
        return 2
    release, etc = args[0], args[1] if len(args) == 2 else '/etc/apt'
    lines, missing = derive(etc, release, binary)
    if missing:
        what = {'main': 'main archive: a deb source of suite %s (or of another release), component main',
                'security': 'security archive: a deb source of suite %s-security (or of another '
                            'release), component main'}
        sys.stderr.write(
            'oojwt: the apt sources in %s/sources.list and %s/sources.list.d/ lack Debian\'s\n%s'
            '       so the pinned Debian sources of BearSSL and cJSON cannot be fetched through this\n'
            '       machine\'s mirrors. Add a Debian mirror (main and security archives, any release)\n'
            '       to %s/sources.list.d/, or set BEARSSL_DIR and CJSON_DIR to unpacked copies.\n'
            % (etc, etc, ''.join('         %s\n' % (what[m] % release) for m in missing), etc))
        return 1
    sys.stdout.write(''.join(line + '\n' for line in lines))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
