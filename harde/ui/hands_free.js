// Hands-free listening: once the spoken answer has played, record the next question and stop
// when the rep stops talking, then hand the recording to the app.
//
// The recorder is MediaRecorder (WebM/Opus, which the server decodes with PyAV); the end of
// speech comes from a simple energy detector on the same stream: the level of each 50 ms
// frame against a threshold a few dB over the room's own noise, measured as it listens.
//
// Streamlit calls this function again on every rerun (and calls its cleanup before), so the
// recording lives at module level, not in one call: a rerun must not cut the rep off.

const FRAME_MS = 50;
const SPEECH_FRAMES = 3; // 150 ms over the threshold: speech, not a click
const FLOOR_DB = -50; // never count anything quieter than this as speech
const OVER_NOISE_DB = 12;
const REMOUNT_GRACE_MS = 1500; // unmounted for longer than this: the toggle was turned off

const state = {
  armed: null, // the answer this listening follows; each is listened after once
  session: null, // the recording in progress
  view: null, // the status line of the latest mount
  detachTimer: null,
  lastMessage: "",
  lastState: "idle",
};

function show(kind, message) {
  state.lastState = kind;
  state.lastMessage = message;
  if (!state.view) return;
  state.view.root.dataset.state = kind;
  state.view.text.textContent = message;
  state.view.stop.hidden = kind !== "listening" && kind !== "hearing";
  state.view.talk.hidden = !kind.startsWith("idle");
}

function answerAudio() {
  const players = document.querySelectorAll('[data-testid="stChatMessage"] audio');
  return players.length ? players[players.length - 1] : null;
}

// Resolves once the spoken answer has finished (or at once when there is none to wait for).
function afterAnswer(timeoutMs) {
  return new Promise((resolve) => {
    const started = Date.now();
    const poll = () => {
      const audio = answerAudio();
      if (audio) {
        if (audio.ended) return resolve("ended");
        audio.addEventListener("ended", () => resolve("ended"), { once: true });
        // Autoplay refused (no gesture yet): the rep starts listening by hand.
        setTimeout(() => { if (audio.paused && !audio.ended && audio.currentTime === 0) resolve("blocked"); }, 2500);
        return;
      }
      if (Date.now() - started > timeoutMs) return resolve("none");
      setTimeout(poll, 100);
    };
    poll();
  });
}

function levelDb(analyser, buffer) {
  analyser.getFloatTimeDomainData(buffer);
  let sum = 0;
  for (let i = 0; i < buffer.length; i++) sum += buffer[i] * buffer[i];
  const rms = Math.sqrt(sum / buffer.length);
  return rms > 0 ? 20 * Math.log10(rms) : -120;
}

function pickMime() {
  for (const mime of ["audio/webm;codecs=opus", "audio/webm", "audio/ogg;codecs=opus", "audio/mp4"]) {
    if (window.MediaRecorder && MediaRecorder.isTypeSupported(mime)) return mime;
  }
  return "";
}

function toBase64(blob) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",", 2)[1] || "");
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

async function listen(options, send) {
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true, channelCount: 1 },
    });
  } catch (err) {
    show("error", "Hands-free can't use the microphone (" + (err && err.name ? err.name : "refused") + "). Typing still works.");
    return;
  }
  const mime = pickMime();
  const recorder = new MediaRecorder(stream, mime ? { mimeType: mime } : undefined);
  const context = new AudioContext();
  const source = context.createMediaStreamSource(stream);
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  source.connect(analyser);
  const buffer = new Float32Array(analyser.fftSize);
  const chunks = [];
  const session = { recorder, stream, context, timer: null, cancelled: false };
  state.session = session;

  let noise = null; // the room's level, followed slowly while nobody speaks
  let loud = 0;
  let quietMs = 0;
  let heard = false;
  let elapsedMs = 0;

  const finish = (keep) => {
    if (session.timer) clearInterval(session.timer);
    session.timer = null;
    session.keep = keep;
    if (recorder.state !== "inactive") recorder.stop();
  };
  session.finish = finish;

  recorder.ondataavailable = (event) => { if (event.data && event.data.size) chunks.push(event.data); };
  recorder.onstop = async () => {
    stream.getTracks().forEach((track) => track.stop());
    context.close().catch(() => {});
    if (state.session === session) state.session = null;
    if (!session.keep || session.cancelled) return;
    const blob = new Blob(chunks, { type: recorder.mimeType || mime || "audio/webm" });
    show("sending", "Got it: working on it…");
    try {
      send({ audio: await toBase64(blob), mime: blob.type, seconds: elapsedMs / 1000 });
    } catch (err) {
      show("error", "Hands-free could not send the recording. Press the mic or type.");
    }
  };

  recorder.start(250);
  show("listening", "🎙️ Listening… ask your next question (I stop when you pause).");
  session.timer = setInterval(() => {
    elapsedMs += FRAME_MS;
    const db = levelDb(analyser, buffer);
    if (noise === null) noise = db;
    const threshold = Math.max(FLOOR_DB, noise + OVER_NOISE_DB);
    if (db > threshold) {
      loud += 1;
      quietMs = 0;
      if (loud >= SPEECH_FRAMES && !heard) {
        heard = true;
        show("hearing", "🎙️ Hearing you…");
      }
    } else {
      loud = 0;
      quietMs += FRAME_MS;
      if (!heard) noise = 0.95 * noise + 0.05 * db;
    }
    if (heard && quietMs >= options.silence_s * 1000) return finish(true);
    if (!heard && elapsedMs >= options.no_speech_s * 1000) {
      finish(false);
      return show("idle", "Hands-free paused: I heard nothing. Press the mic or type to go on.");
    }
    if (elapsedMs >= options.max_s * 1000) return finish(true);
  }, FRAME_MS);
}

function stopSession(keep) {
  const session = state.session;
  if (!session) return;
  if (!keep) session.cancelled = true;
  session.finish(keep);
}

function mountView(parentElement) {
  const root = parentElement.querySelector(".hands-free");
  const view = {
    root,
    text: root.querySelector(".hands-free-text"),
    stop: root.querySelector(".hands-free-stop"),
    talk: root.querySelector(".hands-free-talk"),
  };
  view.stop.onclick = () => {
    stopSession(false);
    show("idle", "Hands-free paused. Press the mic or type to go on.");
  };
  return view;
}

export default function ({ data, parentElement, setTriggerValue }) {
  if (state.detachTimer) clearTimeout(state.detachTimer);
  state.detachTimer = null;
  const options = { silence_s: 1.2, no_speech_s: 8, max_s: 120, ...(data || {}) };
  const send = (payload) => setTriggerValue("recording", payload);
  state.view = mountView(parentElement);
  state.view.talk.onclick = () => { if (!state.session) listen(options, send); };
  show(state.lastState, state.lastMessage || "Hands-free: I listen after each spoken answer.");

  const armed = options.armed || null;
  if (armed && armed !== state.armed && !state.session) {
    state.armed = armed;
    show("waiting", "🔊 Answering… I'll listen when I'm done.");
    afterAnswer(5000).then((how) => {
      if (state.armed !== armed || state.session) return;
      if (how === "blocked") return show("idle-blocked", "Press Talk to ask your next question.");
      listen(options, send);
    });
  }

  return () => {
    state.view = null;
    // Unmounted for good (hands-free turned off, another page): stop listening. A rerun
    // mounts again at once and cancels this.
    state.detachTimer = setTimeout(() => stopSession(false), REMOUNT_GRACE_MS);
  };
}
