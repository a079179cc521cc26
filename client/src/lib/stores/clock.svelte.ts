/** A clock that ticks once a second for the header. */
class Clock {
  now = $state(new Date());
  #timer: ReturnType<typeof setInterval> | null = null;

  start(): void {
    if (this.#timer !== null) return;
    this.#timer = setInterval(() => {
      this.now = new Date();
    }, 1000);
  }
}

export const clock = new Clock();
