#!/usr/bin/env bash
# A real single-node Slurm cluster on this machine, for the sweep integration tests and for trying the Slurm runner:
# munged, slurmctld and slurmd on the loopback, this host's CPUs and memory, no accounting daemon (sacct does not work;
# NeuroRnn reads squeue and the state files runs write themselves).
#   scripts/slurm-local.sh start    # idempotent: writes /etc/slurm/slurm.conf, starts what is not running, waits for the node to be idle
#   scripts/slurm-local.sh stop     # stops the daemons this script starts
#   scripts/slurm-local.sh status
# Needs root and Debian's slurm-wlm and munge (scripts/setup.sh --tests installs them).
set -euo pipefail

cmd="${1:-start}"
conf=/etc/slurm/slurm.conf
host=$(hostname -s)

die() { echo "slurm-local: $*" >&2; exit 1; }

running() { pgrep -x "$1" >/dev/null 2>&1; }

write_config() {
  local cpus mem
  cpus=$(nproc)
  mem=$(slurmd -C 2>/dev/null | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p')
  [[ -n "$mem" ]] || die "slurmd -C did not report RealMemory"
  mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
  local want
  want=$(cat <<CONF
# Written by NeuroRnn scripts/slurm-local.sh: a single-node cluster for tests.
ClusterName=neurornn-local
SlurmctldHost=$host
SlurmUser=root
SlurmctldPort=6817
SlurmdPort=6818
AuthType=auth/munge
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
MaxArraySize=10001
KillWait=5
InactiveLimit=0
MinJobAge=300
SlurmctldTimeout=30
SlurmdTimeout=30
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
)
  if [[ ! -f $conf ]] || [[ "$(cat $conf)" != "$want" ]]; then
    printf '%s\n' "$want" > $conf
    echo "slurm-local: wrote $conf ($host, $cpus CPUs, $mem MB)"
    return 0
  fi
  return 1
}

start_munge() {
  if [[ ! -f /etc/munge/munge.key ]]; then mungekey -c; fi
  mkdir -p /var/log/munge /var/lib/munge /run/munge
  chown -R munge:munge /etc/munge /var/log/munge /var/lib/munge /run/munge
  chmod 0700 /etc/munge /var/log/munge /var/lib/munge
  chmod 0400 /etc/munge/munge.key
  chmod 0755 /run/munge
  if ! running munged; then
    runuser -u munge -- /usr/sbin/munged
  fi
  for _ in $(seq 50); do munge -n </dev/null | unmunge >/dev/null 2>&1 && return 0; sleep 0.2; done
  die "munged does not answer (see /var/log/munge/munged.log)"
}

start() {
  [[ $(id -u) -eq 0 ]] || die "needs root (it writes /etc/slurm and starts daemons)"
  command -v slurmctld >/dev/null && command -v munged >/dev/null || die "slurm-wlm and munge are not installed; run scripts/setup.sh --tests"
  local changed=0
  write_config && changed=1
  start_munge
  if (( changed )) && running slurmctld; then scontrol reconfigure || true; fi
  running slurmctld || slurmctld
  running slurmd || slurmd
  for _ in $(seq 150); do
    state=$(sinfo -h -N -n "$host" -o '%t' 2>/dev/null | head -1 || true)
    case "$state" in
      idle|mix|alloc) echo "slurm-local: node $host is $state"; return 0 ;;
      down*|drain*|fail*) scontrol update nodename="$host" state=resume >/dev/null 2>&1 || true ;;
    esac
    sleep 0.2
  done
  sinfo -N >&2 || true
  tail -5 /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log >&2 || true
  die "node $host did not become idle"
}

stop() {
  # By pid file: only the daemons this configuration started.
  for pidfile in /run/slurmd.pid /run/slurmctld.pid /run/munge/munged.pid; do
    if [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then kill "$(cat "$pidfile")"; fi
  done
  echo "slurm-local: stopped"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  status) sinfo -N 2>&1 || true; for d in munged slurmctld slurmd; do running "$d" && echo "$d running" || echo "$d stopped"; done ;;
  *) die "usage: $0 start|stop|status" ;;
esac
