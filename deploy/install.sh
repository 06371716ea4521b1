#!/usr/bin/env bash
# Install or update one Hard-E instance on Debian 12: the system user, the code and its venv,
# the env file, the systemd units and the nginx site. Safe to run again: that is how an
# instance is updated. Run as root from a checkout of the project:
#
#   sudo deploy/install.sh --domain harde.example.com                  # production, port 8501
#   sudo deploy/install.sh --instance staging --domain staging.harde.example.com   # port 8502
#   sudo deploy/install.sh --instance production                       # update: settings from its env file
#
# Options:
#   --instance NAME   environment name, [a-z][a-z0-9-]* (default: production)
#   --domain NAME     public host name; needed the first time (later read from the env file)
#   --port N          the web app's port on 127.0.0.1 (default: 8501 for production, 8502 for
#                     staging); later read from the env file
#   --prefix DIR      where the code goes; the instance's copy is DIR/NAME (default: /opt/harde)
#   --no-packages     do not apt-get install the system packages
#   --print-site      print the instance's nginx site and exit (needs --domain; no root)
#   --fill-secrets F  write the generated secrets that env file F lacks into it and exit
set -euo pipefail

usage() { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; }
fail() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }
say() { printf '==> %s\n' "$*"; }

instance="production"
domain=""
port=""
prefix="/opt/harde"
packages="yes"
print_site="no"
fill_only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --instance) instance="${2:?--instance needs a value}"; shift 2 ;;
    --domain) domain="${2:?--domain needs a value}"; shift 2 ;;
    --port) port="${2:?--port needs a value}"; shift 2 ;;
    --prefix) prefix="${2:?--prefix needs a value}"; shift 2 ;;
    --no-packages) packages="no"; shift ;;
    --print-site) print_site="yes"; shift ;;
    --fill-secrets) fill_only="${2:?--fill-secrets needs a file}"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; fail "unknown option: $1" ;;
  esac
done

[[ "$instance" =~ ^[a-z][a-z0-9-]*$ ]] || fail "instance name must match [a-z][a-z0-9-]*: $instance"
[[ "$prefix" = /* ]] || fail "--prefix must be an absolute path: $prefix"
prefix="${prefix%/}"

source_dir="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -f "$source_dir/app.py" ] || [ ! -f "$source_dir/requirements.txt" ]; then
  fail "run install.sh from the project's deploy/ folder"
fi

default_port() {
  case "$instance" in
    production) echo 8501 ;;
    staging) echo 8502 ;;
    *) fail "--port is needed for instance $instance" ;;
  esac
}

# The shipped site is production's; another instance gets its own domain, port and upstream.
render_site() {
  sed -e "s/harde\.example\.com/$domain/g" \
      -e "s/server 127\.0\.0\.1:8501;/server 127.0.0.1:$port;/" \
      -e "s/server 127\.0\.0\.1:8601;/server 127.0.0.1:$((port + 100));/" \
      -e "s/harde_production/harde_${instance//-/_}/g" \
      "$source_dir/deploy/nginx/harde.conf"
}

# Secrets an instance makes for itself: a long random value written into the env file when it
# is unset there (a set one is kept), in place and with the file's owner and mode. The value is
# made and written inside one Python process, so it is never printed nor on a command line.
GENERATED_SECRETS=(HARDE_WEBHOOK_SECRET)
fill_secrets() {
  python3 - "$1" "${GENERATED_SECRETS[@]}" <<'PY'
import os
import re
import secrets
import sys

path, names = sys.argv[1], sys.argv[2:]
with open(path, encoding="utf-8") as f:
    text = f.read()
made = []
for name in names:
    pattern = re.compile(rf"^{name}=(.*)$", re.MULTILINE)
    values = pattern.findall(text)
    if values and values[-1].strip().strip("'\""):
        continue
    line = f"{name}={secrets.token_urlsafe(48)}"
    if values:
        text = pattern.sub(lambda _: line, text)
    else:
        text += ("\n" if text and not text.endswith("\n") else "") + line + "\n"
    made.append(name)
if made:
    info = os.stat(path)
    tmp = f"{path}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, info.st_mode & 0o7777)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    if os.geteuid() == 0:
        os.chown(tmp, info.st_uid, info.st_gid)
    os.replace(tmp, path)
for name in made:
    print(f"==> generated {name} in {path}")
PY
}

if [ -n "$fill_only" ]; then
  [ -f "$fill_only" ] || fail "no env file $fill_only"
  fill_secrets "$fill_only"
  exit 0
fi

if [ "$print_site" = yes ]; then
  [ -n "$domain" ] || fail "--print-site needs --domain"
  [ -n "$port" ] || port="$(default_port)"
  render_site
  exit 0
fi

[ "$(id -u)" = 0 ] || fail "run as root (sudo)"
code_dir="$prefix/$instance"
env_dir="/etc/harde"
env_file="$env_dir/$instance.env"
state_dir="/var/lib/harde/$instance"
htpasswd_file="/etc/nginx/harde.htpasswd"
site_name="harde-$instance.conf"
web_unit="harde-web@$instance.service"
daemon_unit="harde-daemon@$instance.service"
webhooks_unit="harde-webhooks@$instance.service"

# A value from the instance's env file (the source of truth once it exists).
env_value() { sed -n "s/^$1=//p" "$env_file" | tail -n 1 | tr -d '"'"'"; }

# --- settings: the env file wins over options, so a re-run needs none ----------------------
if [ -f "$env_file" ]; then
  file_port="$(env_value HARDE_PORT)"
  file_domain="$(env_value HARDE_PUBLIC_URL | sed -e 's#^[a-z]*://##' -e 's#[/:].*$##')"
  [ -z "$port" ] || [ "$port" = "$file_port" ] || fail "$env_file says HARDE_PORT=$file_port; edit it there, not with --port"
  [ -z "$domain" ] || [ "$domain" = "$file_domain" ] || fail "$env_file says HARDE_PUBLIC_URL for $file_domain; edit it there, not with --domain"
  port="$file_port"
  domain="$file_domain"
fi
[ -n "$port" ] || port="$(default_port)"
if ! [[ "$port" =~ ^[0-9]+$ ]] || [ "$port" -lt 1024 ] || [ "$port" -gt 65535 ]; then
  fail "port must be 1024-65535: $port"
fi
[ -n "$domain" ] || fail "--domain is needed the first time (the public host name, e.g. harde.example.com)"
[[ "$domain" =~ ^[A-Za-z0-9.-]+$ ]] || fail "not a host name: $domain"
for other in "$env_dir"/*.env; do
  if [ ! -e "$other" ] || [ "$other" = "$env_file" ]; then
    continue
  fi
  if [ "$(sed -n 's/^HARDE_PORT=//p' "$other" | tail -n 1)" = "$port" ]; then
    fail "port $port is already used by $other"
  fi
done

# --- system packages -------------------------------------------------------------------
if [ "$packages" = yes ]; then
  wanted=(python3 python3-venv rsync nginx apache2-utils certbot)
  missing=()
  for package in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
fi
# Debian's own Python by default: a venv links to its interpreter, which user harde must reach.
python="${PYTHON:-/usr/bin/python3}"
"$python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
  || fail "Hard-E needs Python 3.11 (Debian 12's python3); $python is $("$python" --version 2>&1)"
command -v rsync >/dev/null || fail "rsync is missing (apt-get install rsync)"

# --- system user -----------------------------------------------------------------------
if ! getent passwd harde >/dev/null; then
  say "creating the system user harde"
  useradd --system --user-group --home-dir /var/lib/harde --no-create-home --shell /usr/sbin/nologin harde
fi

# --- code and venv -----------------------------------------------------------------------
say "copying the code to $code_dir"
mkdir -p "$code_dir"
if [ "$(realpath "$source_dir")" != "$(realpath "$code_dir")" ]; then
  # Excluded paths also survive --delete: the venv, delivered videos, local state and secrets.
  rsync -a --delete --chown=root:root --chmod=go-w,go+rX --filter='P /static/' \
    --exclude=/.git/ --exclude=/.venv/ --exclude=/var/ --exclude=/static/primers/ \
    --exclude=/.env --exclude=/.streamlit/secrets.toml --exclude='*.egg-info/' \
    --exclude=__pycache__/ --exclude=/.pytest_cache/ --exclude=/.mypy_cache/ \
    --exclude=/.ruff_cache/ --exclude=/.hypothesis/ --exclude=/bench/results/ \
    "$source_dir/" "$code_dir/"
fi
# Local video delivery writes here and the app serves it; the units may write nowhere else in the code.
install -d -o harde -g harde -m 0750 "$code_dir/static" "$code_dir/static/primers"
chown root:root "$code_dir/static"
chmod 0755 "$code_dir/static"

# A venv whose interpreter user harde cannot run (made from a Python under /root, say) is redone.
if [ -e "$code_dir/.venv" ] && ! runuser -u harde -- "$code_dir/.venv/bin/python" -c '' 2>/dev/null; then
  say "user harde cannot run $code_dir/.venv/bin/python: making the venv again"
  rm -rf "$code_dir/.venv"
fi
if [ ! -x "$code_dir/.venv/bin/python" ]; then
  say "creating the venv"
  "$python" -m venv "$code_dir/.venv"
  "$code_dir/.venv/bin/pip" install --quiet --upgrade pip
fi
say "installing the requirements"
"$code_dir/.venv/bin/pip" install --quiet -r "$code_dir/requirements.txt"
"$code_dir/.venv/bin/pip" install --quiet --no-deps -e "$code_dir"
# The units run with PYTHONDONTWRITEBYTECODE (the code is read-only to them): compile now.
"$code_dir/.venv/bin/python" -m compileall -q "$code_dir/harde" "$code_dir/app.py" >/dev/null

# --- env file: created once, never overwritten ---------------------------------------------
install -d -o root -g harde -m 0750 "$env_dir"
if [ ! -f "$env_file" ]; then
  say "creating $env_file"
  tmp_env="$(mktemp)"
  sed -e "s/^HARDE_PORT=.*/HARDE_PORT=$port/" \
      -e "s/^HARDE_WEBHOOK_PORT=.*/HARDE_WEBHOOK_PORT=$((port + 100))/" \
      -e "s#^HARDE_PUBLIC_URL=.*#HARDE_PUBLIC_URL=https://$domain#" \
      "$source_dir/deploy/harde.env.example" >"$tmp_env"
  install -o root -g harde -m 0640 "$tmp_env" "$env_file"
  rm -f "$tmp_env"
else
  say "keeping $env_file"
  chown root:harde "$env_file"
  chmod 0640 "$env_file"
  new_settings=()
  while IFS= read -r name; do
    grep -Eq "^#? *$name=" "$env_file" || new_settings+=("$name")
  done < <(sed -n 's/^#\{0,1\} *\([A-Z][A-Z0-9_]*\)=.*/\1/p' "$source_dir/deploy/harde.env.example")
  if [ ${#new_settings[@]} -gt 0 ]; then
    say "settings this version knows that $env_file does not list (see deploy/harde.env.example): ${new_settings[*]}"
  fi
fi
fill_secrets "$env_file"

# --- systemd units -----------------------------------------------------------------------
say "installing the systemd units"
for unit in harde-web@.service harde-daemon@.service harde-webhooks@.service; do
  tmp_unit="$(mktemp)"
  sed "s#/opt/harde/%i#$prefix/%i#g" "$source_dir/deploy/systemd/$unit" >"$tmp_unit"
  install -o root -g root -m 0644 "$tmp_unit" "/etc/systemd/system/$unit"
  rm -f "$tmp_unit"
done
systemd_running="no"
if [ -d /run/systemd/system ]; then
  systemd_running="yes"
  systemctl daemon-reload
fi

# --- nginx site --------------------------------------------------------------------------
say "installing the nginx site $site_name"
certificate="/etc/letsencrypt/live/$domain/fullchain.pem"
tmp_site="$(mktemp)"
render_site >"$tmp_site"
install -o root -g root -m 0644 "$tmp_site" "/etc/nginx/sites-available/$site_name"
rm -f "$tmp_site"
if [ ! -e "$htpasswd_file" ]; then
  # Empty until the first user is added: every request but the health check gets 401.
  install -o root -g www-data -m 0640 /dev/null "$htpasswd_file"
fi
site_enabled="no"
if [ -f "$certificate" ]; then
  ln -sfn "/etc/nginx/sites-available/$site_name" "/etc/nginx/sites-enabled/$site_name"
  site_enabled="yes"
else
  # nginx would refuse a site whose certificate does not exist yet: enable it once it does.
  rm -f "/etc/nginx/sites-enabled/$site_name"
fi
nginx_log="$(mktemp)"
if ! nginx -t 2>"$nginx_log"; then
  cat "$nginx_log" >&2
  rm -f "$nginx_log" "/etc/nginx/sites-enabled/$site_name"
  fail "nginx -t failed; the site is left disabled"
fi
rm -f "$nginx_log"
say "nginx -t: ok"
if [ "$systemd_running" = yes ] && systemctl is-active --quiet nginx; then
  systemctl reload nginx
fi

# --- restart what runs the old code ----------------------------------------------------------
if [ "$systemd_running" = yes ]; then
  systemctl try-restart "$web_unit" "$daemon_unit" "$webhooks_unit"
fi

# --- what is left to do ------------------------------------------------------------------
printf '\nHard-E %s is installed in %s (settings: %s, state: %s).\n' "$instance" "$code_dir" "$env_file" "$state_dir"
printf 'The app listens on 127.0.0.1:%s; nginx serves it at https://%s.\n\nNext:\n' "$port" "$domain"
step=1
next_step() { printf '  %d. %s\n' "$step" "$1"; shift; for line in "$@"; do printf '       %s\n' "$line"; done; step=$((step + 1)); }
if [ "$site_enabled" = no ]; then
  next_step "Point $domain at this server (DNS), then get its certificate:" \
    "certbot certonly --webroot -w /var/www/html -d $domain --deploy-hook 'systemctl reload nginx'" \
    "and run this script again to enable the site: sudo $source_dir/deploy/install.sh --instance $instance"
fi
if [ ! -s "$htpasswd_file" ]; then
  next_step "Add who may log in (bcrypt; more users without -c):" \
    "htpasswd -c -B $htpasswd_file <user>" \
    "chown root:www-data $htpasswd_file && chmod 0640 $htpasswd_file"
fi
next_step "Put the keys and settings in $env_file (OPENAI_API_KEY, LEAP_API_TOKEN, mail, ...)."
next_step "Start the services now and at every boot:" \
  "systemctl enable --now $web_unit $daemon_unit" \
  "and, for Leap webhooks: systemctl enable --now $webhooks_unit" \
  "(Leap posts to https://$domain/hooks/leap/<HARDE_WEBHOOK_SECRET from $env_file>)"
next_step "Watch them:" \
  "journalctl -u $web_unit -u $daemon_unit -u $webhooks_unit -f"
